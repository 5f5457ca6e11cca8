using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;

namespace AfterSales.TestSupport.Engine;

/// <summary>
/// A store that hands every call to <paramref name="inner"/>: tests derive from it and override only what they watch or
/// break (record the bursts, die right after a commit), so a new store method is forwarded in one place.
/// </summary>
public abstract class ForwardingInstanceStore(IWorkflowInstanceStore inner) : IWorkflowInstanceStore
{
    protected IWorkflowInstanceStore Inner => inner;

    public virtual Task AddAsync(WorkflowInstance instance, RunResult firstBurst, CancellationToken cancellationToken = default) =>
        inner.AddAsync(instance, firstBurst, cancellationToken);

    public virtual Task<(bool Found, T Value)> UpdateAsync<T>(string instanceId,
        Func<WorkflowInstance, Task<(T Value, RunResult? Changes)>> work, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(instanceId, work, cancellationToken);

    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.FindAsync(instanceId, cancellationToken);

    public Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.ExistsAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? key, CancellationToken cancellationToken = default) =>
        inner.FindBookmarksAsync(name, key, cancellationToken);

    public Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default) =>
        inner.FindDueBookmarksAsync(dueBy, limit, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.GetJournalAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<WorkflowOutboxEntry>> FindOutboxAsync(DateTimeOffset writtenBefore, int limit,
        CancellationToken cancellationToken = default) => inner.FindOutboxAsync(writtenBefore, limit, cancellationToken);

    public Task CompleteOutboxAsync(WorkflowOutboxEntry entry, CancellationToken cancellationToken = default) =>
        inner.CompleteOutboxAsync(entry, cancellationToken);
}
