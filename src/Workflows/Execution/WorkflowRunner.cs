using System.Text.Json.Nodes;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Expressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Workflows.Execution;

/// <summary>
/// Runs instances in memory: start, resume a bookmark, retry a fault, cancel. It changes only the instance
/// object it is given and reports what it did in a <see cref="RunResult"/>; saving is the caller's business.
/// A refused call (bookmark consumed, payload rejected, wrong status) changes nothing.
/// </summary>
public sealed class WorkflowRunner(ExpressionEngine expressions, TimeProvider time, IIdGenerator ids, WorkflowsOptions options, ILogger<WorkflowRunner>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<WorkflowRunner>.Instance;

    internal ExpressionEngine Expressions => expressions;
    internal TimeProvider Time => time;
    internal IIdGenerator Ids => ids;

    /// <summary>
    /// Makes a new instance of a compiled version with its variables at their defaults, and the variables marked as inputs
    /// set from the input of their name. Input is checked against the declared inputs and input variables: a key that is
    /// neither (a variable not marked as an input above all: a recipient list, a delay, a threshold), a missing required
    /// input or a value of the wrong type throws <see cref="WorkflowInputException"/> before anything is made.
    /// </summary>
    public WorkflowInstance CreateInstance(CompiledWorkflow workflow, JsonObject? input = null, string? correlationId = null,
        string? id = null, string? parentInstanceId = null, string? parentBookmarkId = null)
    {
        var definition = workflow.Definition;
        input ??= [];
        foreach (var declared in definition.Inputs)
        {
            var value = input[declared.Name];
            if (value is null && declared.Required) throw new WorkflowInputException(declared.Name, "is required");
            if (VariableTypes.Check(declared.Type, value) is { } problem) throw new WorkflowInputException(declared.Name, problem);
        }
        foreach (var name in input.Select(p => p.Key))
        {
            if (definition.AcceptsInput(name)) continue;
            throw definition.Variables.Any(v => v.Name == name)
                ? new WorkflowInputException(name, $"variable '{name}' of '{definition.DefinitionId}' is not declared an input, so no input may set it")
                : new WorkflowInputException(name, $"'{definition.DefinitionId}' has no input '{name}'");
        }
        foreach (var variable in definition.Variables.Where(v => v.IsInput))
            if (VariableTypes.Check(variable.Type, input[variable.Name]) is { } problem) throw new WorkflowInputException(variable.Name, problem);
        var now = time.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = id ?? ids.NewId(),
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            CorrelationId = correlationId,
            ParentInstanceId = parentInstanceId,
            ParentBookmarkId = parentBookmarkId,
            Input = input,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var v in definition.Variables) instance.Variables[v.Name] = v.Default?.DeepClone();
        // A variable marked as an input takes the input of its name: how a parent passes a delay to its child.
        foreach (var v in definition.Variables.Where(v => v.IsInput && input.ContainsKey(v.Name)))
            instance.Variables[v.Name] = input[v.Name]?.DeepClone();
        return instance;
    }

    public ValueTask<RunResult> StartAsync(CompiledWorkflow workflow, WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        if (instance.Status != WorkflowStatus.Running || instance.JournalSequence != 0)
            return ValueTask.FromResult(RunResult.Refused(RunOutcome.NotAllowed, "the instance has started already"));
        var burst = new Burst(workflow, instance, this, cancellationToken);
        burst.Queue.Enqueue(new WorkItem(workflow.Start.Id));
        return RunAsync(burst);
    }

    public async ValueTask<RunResult> ResumeAsync(CompiledWorkflow workflow, WorkflowInstance instance, string bookmarkId, JsonNode? payload, CancellationToken cancellationToken = default)
    {
        var bookmark = instance.Bookmarks.Find(b => b.Id == bookmarkId);
        if (bookmark is null) return RunResult.BookmarkNotFound;
        if (instance.Status is not (WorkflowStatus.Suspended or WorkflowStatus.Running))
            return RunResult.Refused(RunOutcome.NotAllowed, $"the instance is {instance.Status}");
        var node = workflow.Nodes[bookmark.ActivityId];
        if (node.Activity is not IResumableActivity resumable)
            return RunResult.Refused(RunOutcome.NotAllowed, $"activity '{node.Id}' cannot be resumed");

        var burst = new Burst(workflow, instance, this, cancellationToken);
        var context = new ActivityContext(burst, node, new WorkItem(node.Id));
        var startedAt = burst.Now;
        ActivityResult result;
        try
        {
            result = await resumable.ResumeAsync(context, new ResumeInput(bookmark, payload));
        }
        catch (InvalidResumePayloadException e)
        {
            return RunResult.Refused(RunOutcome.Rejected, e.Message, e.Field, e.Errors);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            burst.RemoveBookmark(bookmark);
            Fault(burst, context, node, new WorkItem(node.Id), startedAt, e);
            return Finish(burst);
        }
        burst.RemoveBookmark(bookmark);
        instance.Status = WorkflowStatus.Running;
        burst.Tick();
        Apply(burst, context, node, result, startedAt, "Resumed");
        return await RunAsync(burst);
    }

    /// <summary>Runs a faulted instance again from the step that failed; its open incidents are marked resolved.</summary>
    public ValueTask<RunResult> RetryAsync(CompiledWorkflow workflow, WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        if (instance.Status != WorkflowStatus.Faulted)
            return ValueTask.FromResult(RunResult.Refused(RunOutcome.NotAllowed, $"only a faulted instance can be retried; this one is {instance.Status}"));
        var burst = new Burst(workflow, instance, this, cancellationToken);
        for (var i = 0; i < instance.Incidents.Count; i++)
            if (instance.Incidents[i].ResolvedAt is null) instance.Incidents[i] = instance.Incidents[i] with { ResolvedAt = burst.Now };
        foreach (var item in instance.Scheduled) burst.Queue.Enqueue(item);
        instance.Scheduled.Clear();
        instance.Status = WorkflowStatus.Running;
        return RunAsync(burst);
    }

    /// <summary>Cancels a running, suspended or faulted instance: its bookmarks and scheduled work are dropped.</summary>
    public RunResult Cancel(CompiledWorkflow workflow, WorkflowInstance instance)
    {
        if (instance.IsFinished) return RunResult.Refused(RunOutcome.NotAllowed, $"the instance is {instance.Status} already");
        var burst = new Burst(workflow, instance, this, CancellationToken.None);
        burst.CancelAllBookmarks();
        instance.Scheduled.Clear();
        instance.Status = WorkflowStatus.Cancelled;
        instance.FinishedAt = instance.UpdatedAt = burst.Now;
        return burst.Result;
    }

    private async ValueTask<RunResult> RunAsync(Burst burst)
    {
        var instance = burst.Instance;
        instance.Status = WorkflowStatus.Running;
        var steps = 0;
        while (burst.Queue.TryDequeue(out var item))
        {
            if (instance.Status != WorkflowStatus.Running) break;
            var node = burst.Workflow.Nodes[item.ActivityId];
            var context = new ActivityContext(burst, node, item);
            var startedAt = burst.Tick();
            if (++steps > options.MaxStepsPerBurst)
            {
                Fault(burst, context, node, item, startedAt, new InvalidOperationException(
                    $"more than {options.MaxStepsPerBurst} activity executions in one run without waiting: is there a loop with no wait in it?"));
                break;
            }
            ActivityResult result;
            try
            {
                result = await node.Activity.ExecuteAsync(context);
            }
            catch (Exception e) when (e is not OperationCanceledException || !burst.CancellationToken.IsCancellationRequested)
            {
                Fault(burst, context, node, item, startedAt, e);
                break;
            }
            burst.Tick();
            Apply(burst, context, node, result, startedAt, "Executed");
        }
        return Finish(burst);
    }

    private void Apply(Burst burst, ActivityContext context, CompiledNode node, ActivityResult result, DateTimeOffset startedAt, string kind)
    {
        switch (result.Kind)
        {
            case ActivityResultKind.Completed:
                burst.Journal(context, node, kind, startedAt, result.OutcomesText(), null);
                for (var i = 0; i < result.OutcomeCount; i++)
                {
                    var port = result.OutcomeAt(i);
                    foreach (var c in node.ConnectionsFrom(port)) burst.Queue.Enqueue(new WorkItem(c.Target.Activity, node.Id, port));
                }
                break;
            case ActivityResultKind.Suspended:
                var request = result.Bookmark!;
                var bookmark = new Bookmark(burst.NewId(), node.Id, node.Type, request.Name, request.Key, request.DueAt, request.Payload, burst.Now);
                if (request.ChildWorkflow is { } child)
                    bookmark = bookmark with { ChildDefinitionId = child.DefinitionId, ChildInstanceId = burst.NewId(), ChildInput = child.Input };
                burst.AddBookmark(bookmark);
                burst.Journal(context, node, kind, startedAt, "Suspended:" + request.Name, null);
                break;
            case ActivityResultKind.Finished:
                burst.Journal(context, node, kind, startedAt, "Finished", null);
                burst.Instance.Output = result.Output;
                burst.CancelAllBookmarks();
                burst.Queue.Clear();
                burst.Instance.Status = WorkflowStatus.Completed;
                break;
        }
    }

    private void Fault(Burst burst, ActivityContext context, CompiledNode node, WorkItem item, DateTimeOffset startedAt, Exception e)
    {
        var instance = burst.Instance;
        _logger.LogWarning(e, "Activity {ActivityId} of instance {InstanceId} faulted", node.Id, instance.Id);
        burst.Tick();
        instance.Incidents.Add(new Incident(burst.NewId(), node.Id, node.Type, e.Message, e.GetType().Name, burst.Now));
        burst.Journal(context, node, "Faulted", startedAt, null, e.Message);
        // Keep the failed step first, then whatever else was scheduled, so a retry continues exactly here.
        instance.Scheduled.Clear();
        instance.Scheduled.Add(item);
        instance.Scheduled.AddRange(burst.Queue);
        burst.Queue.Clear();
        instance.Status = WorkflowStatus.Faulted;
    }

    private static RunResult Finish(Burst burst)
    {
        var instance = burst.Instance;
        if (instance.Status == WorkflowStatus.Running)
            instance.Status = instance.Bookmarks.Count == 0 ? WorkflowStatus.Completed : WorkflowStatus.Suspended;
        instance.UpdatedAt = burst.Now;
        if (instance.Status == WorkflowStatus.Completed) instance.FinishedAt = burst.Now;
        return burst.Result;
    }
}

/// <summary>Input given to start an instance does not fit the definition's declared inputs.</summary>
public sealed class WorkflowInputException(string field, string message) : Exception($"input '{field}': {message}")
{
    public string Field { get; } = field;
}
