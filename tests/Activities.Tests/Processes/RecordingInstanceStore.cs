using AfterSales.Activities.HumanTasks;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Activities.Tests.Processes;

/// <summary>
/// The in-memory store, recording across every instance (parent and children) what their saved bursts did: the
/// effects in the order they were saved, the human tasks created and the instances started.
/// </summary>
internal sealed class RecordingInstanceStore(InMemoryWorkflowStore inner) : ForwardingInstanceStore(inner)
{
    private readonly Lock _gate = new();
    private readonly List<object> _effects = [];
    private readonly List<CreatedTask> _tasks = [];
    private readonly List<WorkflowInstance> _started = [];

    public IReadOnlyList<object> Effects { get { lock (_gate) return _effects.ToList(); } }
    public IReadOnlyList<CreatedTask> Tasks { get { lock (_gate) return _tasks.ToList(); } }

    /// <summary>Every instance as it was when it started (its input, its parent).</summary>
    public IReadOnlyList<WorkflowInstance> Started { get { lock (_gate) return _started.ToList(); } }

    public override async Task AddAsync(WorkflowInstance instance, RunResult firstBurst, CancellationToken cancellationToken = default)
    {
        await Inner.AddAsync(instance, firstBurst, cancellationToken);
        lock (_gate) _started.Add(instance);
        Record(instance, firstBurst);
    }

    public override Task<(bool Found, T Value)> UpdateAsync<T>(string instanceId, Func<WorkflowInstance, Task<(T Value, RunResult? Changes)>> work, CancellationToken cancellationToken = default) =>
        Inner.UpdateAsync(instanceId, async instance =>
        {
            var result = await work(instance);
            if (result.Changes is { } changes) Record(instance, changes);
            return result;
        }, cancellationToken);


    private void Record(WorkflowInstance instance, RunResult changes)
    {
        lock (_gate)
        {
            _effects.AddRange(changes.Effects);
            foreach (var b in changes.CreatedBookmarks.Where(b => b.Name == HumanTask.BookmarkName))
                _tasks.Add(new CreatedTask(instance.DefinitionId, b.ActivityId, (string)b.Payload!["role"]!, (string)b.Payload!["title"]!));
        }
    }
}

internal sealed record CreatedTask(string DefinitionId, string ActivityId, string Role, string Title)
{
    /// <summary>As the tests list a path: <c>role:activity</c>.</summary>
    public override string ToString() => $"{Role}:{ActivityId}";
}
