using System.Text.Json.Nodes;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Workflows.Execution;

/// <summary>The state of one burst of execution of one instance: from start or resume until every path waits, ends or faults.</summary>
internal sealed class Burst(CompiledWorkflow workflow, WorkflowInstance instance, WorkflowRunner runner, CancellationToken cancellationToken)
{
    public WorkflowInstance Instance { get; } = instance;
    public CompiledWorkflow Workflow { get; } = workflow;
    public ExpressionScope Expressions { get; } = new(instance, runner.Expressions);
    public RunResult Result { get; } = new();
    public Queue<WorkItem> Queue { get; } = new();
    public DateTimeOffset Now { get; private set; } = runner.Time.GetUtcNow();
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public DateTimeOffset Tick() => Now = runner.Time.GetUtcNow();

    public string NewId() => runner.Ids.NewId();

    public void SetVariable(string name, JsonNode? value)
    {
        if (!Workflow.VariableTypes.TryGetValue(name, out var type))
            throw new InvalidOperationException($"the workflow has no variable '{name}'");
        if (VariableTypes.Check(type, value) is { } problem)
            throw new InvalidOperationException($"variable '{name}': {problem}");
        Instance.Variables[name] = value is { Parent: not null } ? value.DeepClone() : value;
        Expressions.VariablesChanged();
    }

    public void AddBookmark(Bookmark bookmark)
    {
        Instance.Bookmarks.Add(bookmark);
        Result.CreatedBookmarks.Add(bookmark);
    }

    public void RemoveBookmark(Bookmark bookmark)
    {
        Instance.Bookmarks.Remove(bookmark);
        // A bookmark made and consumed in the same burst never reaches the store's index.
        if (!Result.CreatedBookmarks.Remove(bookmark)) Result.RemovedBookmarkIds.Add(bookmark.Id);
    }

    /// <summary>Drops a bookmark that will never be resumed; a child workflow it waited on is to be cancelled.</summary>
    public void CancelBookmark(Bookmark bookmark)
    {
        RemoveBookmark(bookmark);
        if (bookmark.ChildInstanceId is { } child) Result.CancelledChildInstanceIds.Add(child);
    }

    public void CancelAllBookmarks()
    {
        for (var i = Instance.Bookmarks.Count - 1; i >= 0; i--) CancelBookmark(Instance.Bookmarks[i]);
    }

    public int CancelUpstream(CompiledNode join)
    {
        var upstream = join.UpstreamOnly ?? [];
        var cancelled = 0;
        foreach (var bookmark in Instance.Bookmarks.Where(b => upstream.Contains(b.ActivityId)).ToList())
        {
            CancelBookmark(bookmark);
            cancelled++;
        }
        // Other arrivals at this join already queued in this burst are the losing branches too.
        var kept = Queue.Where(w => !upstream.Contains(w.ActivityId) && w.ActivityId != join.Id).ToList();
        cancelled += Queue.Count - kept.Count;
        Queue.Clear();
        foreach (var w in kept) Queue.Enqueue(w);
        return cancelled;
    }

    public void Journal(ActivityContext? context, CompiledNode node, string kind, DateTimeOffset startedAt, string? outcome, string? error) =>
        Result.Journal.Add(new JournalEntry(Instance.Id, Instance.JournalSequence++, node.Id, node.Type, kind, startedAt, Now, outcome,
            context?.RecordedInputs, context?.RecordedOutputs, error));
}
