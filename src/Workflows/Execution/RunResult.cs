namespace AfterSales.Workflows.Execution;

public enum RunOutcome
{
    /// <summary>The burst ran; see the instance's status.</summary>
    Ran,
    /// <summary>No such pending bookmark: it was consumed already (or never existed). Nothing changed.</summary>
    BookmarkNotFound,
    /// <summary>The activity refused the resume payload. Nothing changed.</summary>
    Rejected,
    /// <summary>The instance is not in a status that allows this (e.g. retrying one that is not faulted). Nothing changed.</summary>
    NotAllowed,
    /// <summary>No instance with that id.</summary>
    InstanceNotFound,
    /// <summary>No published version of that definition (or no such version) to start.</summary>
    DefinitionNotFound,
}

/// <summary>
/// What one burst of execution did: the store persists the instance together with these, in one transaction.
/// <see cref="CreatedBookmarks"/> and <see cref="RemovedBookmarkIds"/> let it keep a bookmark index without diffing.
/// </summary>
public sealed class RunResult
{
    internal static readonly RunResult BookmarkNotFound = new() { Outcome = RunOutcome.BookmarkNotFound, Message = "the bookmark was already consumed or does not exist" };

    public RunOutcome Outcome { get; init; } = RunOutcome.Ran;
    public string? Message { get; init; }
    public string? Field { get; init; }

    /// <summary>
    /// A refused resume's fields and messages, when the activity named several
    /// (<see cref="InvalidResumePayloadException"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
    public List<JournalEntry> Journal { get; } = [];
    public List<Bookmark> CreatedBookmarks { get; } = [];
    public List<string> RemovedBookmarkIds { get; } = [];

    /// <summary>
    /// Facts activities emitted for the world outside the instance (a case's timeline entry, a mail to send).
    /// The store writes them in the same transaction as the instance, so they happen exactly when the burst does.
    /// </summary>
    public List<object> Effects { get; } = [];

    /// <summary>Children whose waiting bookmark was dropped (End, a wait-any join, cancel): the runtime cancels them.</summary>
    public List<string> CancelledChildInstanceIds { get; } = [];

    /// <summary>Bookmarks made by this burst that wait on a child workflow the runtime must start.</summary>
    public IEnumerable<Bookmark> ChildStarts => CreatedBookmarks.Where(b => b.ChildInstanceId is not null);

    internal static RunResult Refused(RunOutcome outcome, string message, string? field = null,
        IReadOnlyDictionary<string, string[]>? errors = null) =>
        new() { Outcome = outcome, Message = message, Field = field, Errors = errors };
}
