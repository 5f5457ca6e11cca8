using System.Collections.Concurrent;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// Definitions and instances in process memory, for tests, benchmarks and embedding without a database.
/// Instances are kept as their serialised JSON, so every load is a real deserialisation: nothing lives only
/// as a live object between bursts, exactly as with a database.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowDefinitionStore, IWorkflowInstanceStore
{
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _versions = new();
    private readonly ConcurrentDictionary<string, int> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<JournalEntry>> _journals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string InstanceId, Bookmark Bookmark)> _bookmarks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<object>> _effects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, (WorkflowOutboxEntry Entry, DateTimeOffset At)> _outbox = new();
    private long _outboxSequence;

    public void Publish(WorkflowDefinition definition)
    {
        _versions[(definition.DefinitionId, definition.Version)] = definition;
        _published[definition.DefinitionId] = definition.Version;
    }

    public Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_published.TryGetValue(definitionId, out var v) ? _versions.GetValueOrDefault((definitionId, v)) : null);

    public Task<WorkflowDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        Task.FromResult(_versions.GetValueOrDefault((definitionId, version)));

    public Task AddAsync(WorkflowInstance instance, RunResult firstBurst, CancellationToken cancellationToken = default)
    {
        if (!_instances.TryAdd(instance.Id, WorkflowStateJson.Serialize(instance))) throw new DuplicateInstanceException(instance.Id);
        Apply(instance, firstBurst);
        return Task.CompletedTask;
    }

    public async Task<(bool Found, T Value)> UpdateAsync<T>(string instanceId, Func<WorkflowInstance, Task<(T Value, RunResult? Changes)>> work, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(instanceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!_instances.TryGetValue(instanceId, out var json)) return (false, default!);
            var instance = WorkflowStateJson.Deserialize(json);
            var (value, changes) = await work(instance);
            if (changes is not null)
            {
                _instances[instanceId] = WorkflowStateJson.Serialize(instance);
                Apply(instance, changes);
            }
            return (true, value);
        }
        finally
        {
            gate.Release();
        }
    }

    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_instances.TryGetValue(instanceId, out var json) ? WorkflowStateJson.Deserialize(json) : null);

    public Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult(_instances.ContainsKey(instanceId));

    public Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? key, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BookmarkRef>>(_bookmarks.Values
            .Where(b => b.Bookmark.Name == name && (key is null || b.Bookmark.Key == key))
            .Select(b => new BookmarkRef(b.InstanceId, b.Bookmark.Id, b.Bookmark.DueAt)).ToList());

    public Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BookmarkRef>>(_bookmarks.Values
            .Where(b => b.Bookmark.DueAt <= dueBy)
            .OrderBy(b => b.Bookmark.DueAt)
            .Take(limit)
            .Select(b => new BookmarkRef(b.InstanceId, b.Bookmark.Id, b.Bookmark.DueAt)).ToList());

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var journal = _journals.GetValueOrDefault(instanceId);
        lock (journal ?? new object()) return Task.FromResult<IReadOnlyList<JournalEntry>>(journal?.ToList() ?? []);
    }

    public Task<IReadOnlyList<WorkflowOutboxEntry>> FindOutboxAsync(DateTimeOffset writtenBefore, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkflowOutboxEntry>>(_outbox
            .Where(e => e.Value.At <= writtenBefore)
            .OrderBy(e => e.Key)
            .Take(limit)
            .Select(e => e.Value.Entry).ToList());

    public Task CompleteOutboxAsync(WorkflowOutboxEntry entry, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in _outbox)
            if (value.Entry == entry) _outbox.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    /// <summary>The effects the instance's bursts emitted, in order.</summary>
    public IReadOnlyList<object> GetEffects(string instanceId)
    {
        var effects = _effects.GetValueOrDefault(instanceId);
        if (effects is null) return [];
        lock (effects) return effects.ToList();
    }

    private void Apply(WorkflowInstance instance, RunResult changes)
    {
        var instanceId = instance.Id;
        foreach (var entry in WorkflowOutboxEntry.Of(instance, changes))
            _outbox[Interlocked.Increment(ref _outboxSequence)] = (entry, instance.UpdatedAt);
        if (changes.Effects.Count > 0)
        {
            var effects = _effects.GetOrAdd(instanceId, _ => []);
            lock (effects) effects.AddRange(changes.Effects);
        }
        var journal = _journals.GetOrAdd(instanceId, _ => []);
        lock (journal) journal.AddRange(changes.Journal);
        foreach (var id in changes.RemovedBookmarkIds) _bookmarks.TryRemove(id, out _);
        foreach (var b in changes.CreatedBookmarks) _bookmarks[b.Id] = (instanceId, b);
    }
}
