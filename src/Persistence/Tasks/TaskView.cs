using System.Text.Json.Nodes;

namespace AfterSales.Persistence.Tasks;

/// <summary>
/// A task as inboxes show it. <see cref="CaseKind"/>, <see cref="CustomerName"/> and <see cref="CustomerCompany"/> come
/// from the task's case (null for a task of a workflow without one), so an inbox needs no second call; the customer's
/// phone and email are never part of it. <see cref="ReasonRequiredFor"/> names the outcomes the task completes with only
/// when the form data carries a non-empty <c>reason</c>.
/// </summary>
public sealed record TaskView(
    string Id,
    string? CaseId,
    string? CaseNumber,
    string? CaseKind,
    string? CustomerName,
    string? CustomerCompany,
    string InstanceId,
    string ActivityId,
    string? Role,
    string? Assignee,
    string Title,
    string? Form,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> ReasonRequiredFor,
    DateTimeOffset? DueAt,
    string Status,
    string? ClaimedBy,
    DateTimeOffset? ClaimedAt,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    string? Outcome,
    JsonNode? FormData,
    DateTimeOffset CreatedAt);

/// <summary>What to list; every given criterion must match.</summary>
public sealed record TaskFilter(
    string? Role = null, string? Status = null, string? CaseId = null, string? Assignee = null, int Page = 1,
    int PageSize = 50)
{
    /// <summary>The kind of the task's case (<c>complaint</c>, <c>return_item</c>, …).</summary>
    public string? Kind { get; init; }

    /// <summary>Only the caller's inbox; without <see cref="Status"/>, only its open and claimed tasks.</summary>
    public TaskInbox? Mine { get; init; }
}

/// <summary>
/// Whose inbox: the tasks of one of <see cref="Roles"/> that are not assigned to someone else, and the tasks assigned
/// to or claimed by <see cref="User"/>.
/// </summary>
public sealed record TaskInbox(string User, IReadOnlyList<string> Roles);
