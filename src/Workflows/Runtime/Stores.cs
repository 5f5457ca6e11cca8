using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Workflows.Runtime;

/// <summary>Where the runtime finds definition versions. Published versions are immutable.</summary>
public interface IWorkflowDefinitionStore
{
    Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default);
    Task<WorkflowDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default);
}

/// <summary>
/// Where instances live between bursts. Implementations keep these rules:
/// <list type="bullet">
/// <item>an instance is saved whole with its burst's journal and bookmark changes, or not at all;</item>
/// <item><see cref="UpdateAsync{T}"/> holds an exclusive lock on the instance, across processes, from load to save;</item>
/// <item>bookmark look-ups by name/key and by due time are index look-ups, whatever the number of instances;</item>
/// <item>a burst's <see cref="WorkflowOutboxEntry.Of"/> entries are saved with it, stamped with the instance's
/// <see cref="WorkflowInstance.UpdatedAt"/>, and kept until <see cref="CompleteOutboxAsync"/>.</item>
/// </list>
/// </summary>
public interface IWorkflowInstanceStore
{
    /// <summary>Saves a new instance and what its first burst did. An instance with that id already existing throws <see cref="DuplicateInstanceException"/>.</summary>
    Task AddAsync(WorkflowInstance instance, RunResult firstBurst, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads the instance under an exclusive lock and passes it to <paramref name="work"/>; when work returns changes,
    /// saves the instance with them before releasing the lock. Answers <c>default</c> with <c>found: false</c> when there is no such instance.
    /// </summary>
    Task<(bool Found, T Value)> UpdateAsync<T>(string instanceId, Func<WorkflowInstance, Task<(T Value, RunResult? Changes)>> work, CancellationToken cancellationToken = default);

    Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Pending bookmarks with this name (and key, when given).</summary>
    Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? key, CancellationToken cancellationToken = default);

    /// <summary>Pending bookmarks due at or before <paramref name="dueBy"/>, earliest first.</summary>
    Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Outbox entries saved at or before <paramref name="writtenBefore"/> and not completed, oldest first.</summary>
    Task<IReadOnlyList<WorkflowOutboxEntry>> FindOutboxAsync(DateTimeOffset writtenBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>Forgets an outbox entry whose work is done (or no longer needed). Completing one that is gone does nothing.</summary>
    Task CompleteOutboxAsync(WorkflowOutboxEntry entry, CancellationToken cancellationToken = default);
}

public sealed record BookmarkRef(string InstanceId, string BookmarkId, DateTimeOffset? DueAt = null);

public sealed class DuplicateInstanceException(string instanceId) : Exception($"an instance '{instanceId}' exists already")
{
    public string InstanceId { get; } = instanceId;
}
