using System.Text.Json.Nodes;

namespace AfterSales.Persistence.Cases;

/// <summary>A case as lists and the API show it.</summary>
public sealed record CaseView(
    string Id,
    string Number,
    string Kind,
    string Channel,
    JsonObject Customer,
    JsonObject Product,
    CaseQuantities Quantities,
    string? Description,
    string Status,
    string? Owner,
    string? WorkflowInstanceId,
    CaseEscalation Escalation,
    SlaState Sla,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt);

public sealed record CaseQuantities(int Hosts, int Accessories);

public sealed record CaseEscalation(int Level, DateTimeOffset? EscalatedAt);

/// <summary>
/// The first-response SLA. <see cref="Met"/> is null while undecided (no response yet, not due yet); <see cref="BreachedBy"/>
/// is how late the response was, or is so far (ISO 8601 duration), null when not late. Time spent waiting for the
/// customer (<see cref="Paused"/>) does not count: it moves the due time.
/// </summary>
public sealed record SlaState(DateTimeOffset? DueAt, DateTimeOffset? RespondedAt, bool? Met, string? BreachedBy, bool Paused, string PausedTotal);

public sealed record CaseEventView(long Id, DateTimeOffset At, string Kind, string? Actor, string Text, JsonNode? Data);

public sealed record CaseCostView(long Id, string Kind, decimal Amount, int PersonTimes, string? Note, DateTimeOffset At, string? RecordedBy);

public sealed record CaseCosts(IReadOnlyList<CaseCostView> Items, decimal Total);

public sealed record CaseMailView(long Id, string EventKey, IReadOnlyList<string> Recipients, string Subject, string Status, int Attempts,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>Something due on the case: an open task with a due time, or a scheduled return visit.</summary>
public sealed record FollowUp(string Kind, string Title, DateTimeOffset DueAt, string? TaskId, string? Role);

/// <summary>The latest data a completed task filled in for a form.</summary>
public sealed record CaseFormView(string TaskId, string Title, string? CompletedBy, DateTimeOffset? CompletedAt, JsonNode? Data);

/// <summary>
/// The satisfaction survey sent to the customer (the latest, when there were several). <see cref="SentAt"/> is when it
/// was made and its mail queued; the answer fields are null until the customer answers.
/// </summary>
public sealed record CaseSurveyView(
    DateTimeOffset SentAt, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, int? Rating, string? Comment,
    bool? WouldRecommend);

/// <summary>
/// The case page: the case's fields as in <see cref="CaseView"/>, and what hangs off it. <see cref="Tasks"/> are the
/// open (and claimed) tasks; <see cref="DoneTasks"/> the completed and cancelled ones, who completed them, when and
/// with what outcome, oldest first.
/// </summary>
public sealed record CaseDetails(
    string Id,
    string Number,
    string Kind,
    string Channel,
    JsonObject Customer,
    JsonObject Product,
    CaseQuantities Quantities,
    string? Description,
    string Status,
    string? Owner,
    string? WorkflowInstanceId,
    CaseEscalation Escalation,
    SlaState Sla,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<CaseEventView> Timeline,
    IReadOnlyList<Tasks.TaskView> Tasks,
    IReadOnlyList<FollowUp> FollowUps,
    IReadOnlyDictionary<string, CaseFormView> Forms,
    CaseCosts Costs,
    IReadOnlyList<CaseMailView> Mails,
    IReadOnlyList<Tasks.TaskView> DoneTasks,
    CaseSurveyView? Survey)
{
    internal static CaseDetails From(CaseView c, IReadOnlyList<CaseEventView> timeline, IReadOnlyList<Tasks.TaskView> tasks, IReadOnlyList<FollowUp> followUps,
        IReadOnlyDictionary<string, CaseFormView> forms, CaseCosts costs, IReadOnlyList<CaseMailView> mails,
        IReadOnlyList<Tasks.TaskView> doneTasks, CaseSurveyView? survey) =>
        new(c.Id, c.Number, c.Kind, c.Channel, c.Customer, c.Product, c.Quantities, c.Description, c.Status, c.Owner, c.WorkflowInstanceId,
            c.Escalation, c.Sla, c.CreatedAt, c.UpdatedAt, c.ClosedAt, timeline, tasks, followUps, forms, costs, mails,
            doneTasks, survey);
}

/// <summary>What to list; every given criterion must match. <see cref="Customer"/> matches name or company, ignoring case.</summary>
public sealed record CaseFilter(
    string? Kind = null, string? Status = null, string? Customer = null, bool Overdue = false, int Page = 1,
    int PageSize = 50)
{
    /// <summary>Only cases escalated at least once (escalation level above 0).</summary>
    public bool Escalated { get; init; }

    /// <summary>Created at or after this instant.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>One of <see cref="CaseSorts"/>.</summary>
    public string Sort { get; init; } = CaseSorts.CreatedAt;
}

/// <summary>How a case list is ordered; ties go to the newest case.</summary>
public static class CaseSorts
{
    /// <summary>Newest first (the default).</summary>
    public const string CreatedAt = "createdAt";

    /// <summary>First-response due time (paused time added), soonest first; cases without one last.</summary>
    public const string DueAt = "dueAt";

    /// <summary>Case number, lowest first.</summary>
    public const string Number = "number";

    public static readonly IReadOnlyList<string> All = [CreatedAt, DueAt, Number];
}

public sealed record NewCaseCost(string Kind, decimal Amount, int PersonTimes, string? Note, string? RecordedBy);

public static class CaseCostKinds
{
    // installation and commissioning are not in the list, but the monthly statistics report them on a line of their own.
    public static readonly IReadOnlyList<string> All = ["labour", "material", "transport", "travel", "installation", "commissioning"];
}
