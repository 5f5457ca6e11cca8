using System.Text.Json.Nodes;

namespace AfterSales.Workflows;

public enum ActivityResultKind { Completed, Suspended, Finished }

/// <summary>
/// The closed set of things an activity can end with: completed with outcomes (zero ends the path),
/// suspended on a bookmark, or finished the whole workflow (End). Faults are thrown exceptions.
/// A struct so that the common single-outcome case allocates nothing.
/// </summary>
public readonly struct ActivityResult
{
    private readonly string? _outcome;
    private readonly IReadOnlyList<string>? _outcomes;

    private ActivityResult(ActivityResultKind kind, string? outcome, IReadOnlyList<string>? outcomes, BookmarkRequest? bookmark, JsonNode? output)
    {
        Kind = kind;
        _outcome = outcome;
        _outcomes = outcomes;
        Bookmark = bookmark;
        Output = output;
    }

    public ActivityResultKind Kind { get; }
    public BookmarkRequest? Bookmark { get; }
    public JsonNode? Output { get; }

    public int OutcomeCount => _outcome is not null ? 1 : _outcomes?.Count ?? 0;
    public string OutcomeAt(int index) => _outcome ?? _outcomes![index];

    public const string DoneOutcome = "Done";
    public static ActivityResult Done => new(ActivityResultKind.Completed, DoneOutcome, null, null, null);

    /// <summary>Completes without following any connection: this path ends here (a join still waiting).</summary>
    public static ActivityResult Nothing => new(ActivityResultKind.Completed, null, null, null, null);

    public static ActivityResult Outcome(string outcome) => new(ActivityResultKind.Completed, outcome, null, null, null);
    public static ActivityResult Outcomes(IReadOnlyList<string> outcomes) => new(ActivityResultKind.Completed, null, outcomes, null, null);
    public static ActivityResult Suspend(BookmarkRequest bookmark) => new(ActivityResultKind.Suspended, null, null, bookmark, null);

    /// <summary>Ends the whole workflow now, with an optional output; pending bookmarks are cancelled.</summary>
    public static ActivityResult Finish(JsonNode? output) => new(ActivityResultKind.Finished, null, null, null, output);

    public string OutcomesText() => OutcomeCount switch
    {
        0 => "",
        1 => OutcomeAt(0),
        _ => string.Join(",", _outcomes!),
    };
}

/// <summary>
/// What an activity asks for when it suspends: a bookmark <paramref name="Name"/> (e.g. <c>HumanTask</c>,
/// <c>Signal:paid</c>), an optional correlation <paramref name="Key"/> for look-ups, an optional due time for
/// timers, a payload the outside world reads (task title, role…), and, for child workflows, what to start.
/// </summary>
public sealed record BookmarkRequest(string Name, string? Key = null, DateTimeOffset? DueAt = null, JsonObject? Payload = null)
{
    public ChildWorkflowRequest? ChildWorkflow { get; init; }
}

public sealed record ChildWorkflowRequest(string DefinitionId, JsonObject? Input);
