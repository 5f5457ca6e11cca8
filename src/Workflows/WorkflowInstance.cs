using System.Text.Json.Nodes;

namespace AfterSales.Workflows;

public enum WorkflowStatus { Running, Suspended, Completed, Faulted, Cancelled }

/// <summary>
/// The whole state of one run of a definition version: a plain serialisable object. Between bursts of
/// execution nothing else is needed to continue it: a store saves and loads exactly this.
/// </summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public string? CorrelationId { get; init; }

    /// <summary>When this instance runs as a child: the parent instance and the bookmark it waits on.</summary>
    public string? ParentInstanceId { get; init; }
    public string? ParentBookmarkId { get; init; }

    public Dictionary<string, JsonNode?> Variables { get; init; } = new(StringComparer.Ordinal);
    public JsonObject Input { get; init; } = [];
    public JsonNode? Output { get; set; }

    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>Work not yet done: empty at rest, except for a faulted instance, where the failed step comes first.</summary>
    public List<WorkItem> Scheduled { get; init; } = [];

    /// <summary>Per-join arrivals (connection keys) of the current round, by join activity id.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; init; } = new(StringComparer.Ordinal);

    public List<Incident> Incidents { get; init; } = [];

    /// <summary>The number of journal entries written so far; the next entry's sequence.</summary>
    public long JournalSequence { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled;
}

/// <summary>A scheduled execution of an activity, reached through the connection from <c>FromActivity</c>/<c>FromPort</c>.</summary>
public sealed record WorkItem(string ActivityId, string? FromActivity = null, string? FromPort = null);

/// <summary>Something that went wrong in an activity. An open incident (not resolved) is why an instance is faulted.</summary>
public sealed record Incident(string Id, string ActivityId, string ActivityType, string Message, string ExceptionType, DateTimeOffset At)
{
    public DateTimeOffset? ResolvedAt { get; init; }
}

/// <summary>
/// One activity execution (or resume) as recorded in the journal. Input and output values are truncated when large.
/// </summary>
public sealed record JournalEntry(
    string InstanceId,
    long Sequence,
    string ActivityId,
    string ActivityType,
    string Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string? Outcome,
    IReadOnlyDictionary<string, JsonNode?>? Inputs,
    IReadOnlyDictionary<string, JsonNode?>? Outputs,
    string? Error);
