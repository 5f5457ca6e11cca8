using System.Text.Json.Nodes;

namespace AfterSales.Cases.Tasks;

/// <summary>
/// A human task was completed: emitted by the <c>HumanTask</c> activity when its bookmark is resumed with an accepted
/// payload, whatever resumed it (the task endpoint, the instance API, a test), so the task store records the outcome
/// and the whole form from here rather than from the journal, which truncates long values.
/// </summary>
/// <param name="TaskId">The task's id: the id of the <c>HumanTask</c> bookmark resumed.</param>
/// <param name="Form">The form data as submitted, whole; null when none was.</param>
/// <param name="Reason">The form's non-blank <c>reason</c>, if any (outcomes that need a reason require it).</param>
/// <param name="CompletedBy">The user the resume named; null when it named none.</param>
[EffectName("task.completed")]
public sealed record TaskCompleted(
    string TaskId,
    string Outcome,
    JsonNode? Form,
    string? Reason,
    string? CompletedBy,
    DateTimeOffset At);
