using System.Text.Json.Nodes;
using AfterSales.Workflows.Execution;
using Microsoft.Extensions.Logging;

namespace AfterSales.Workflows.Runtime;

/// <summary>The answer to a runtime call: what happened and the instance as it is now (null when not found).</summary>
public sealed record RuntimeResult(RunOutcome Outcome, WorkflowInstance? Instance, string? Message = null, string? Field = null)
{
    public bool Succeeded => Outcome == RunOutcome.Ran;
}

/// <summary>
/// Runs instances durably through the stores: each burst is loaded, run and saved under the instance's lock.
/// Also drives what crosses instances: child workflows started by <c>RunWorkflow</c> and the parent resumed
/// when a child ends, signals, and due timers (the caller, e.g. a Hangfire job, decides when to look for them).
/// </summary>
public sealed class WorkflowRuntime(
    IWorkflowDefinitionStore definitions,
    IWorkflowInstanceStore instances,
    WorkflowRunner runner,
    CompiledWorkflowCache cache,
    ILogger<WorkflowRuntime> logger)
{
    /// <summary>
    /// Starts an instance of the published version (or of <paramref name="version"/>) and runs it until it waits or ends.
    /// <paramref name="initialEffects"/> are saved with the first burst, in the same transaction: how a caller records
    /// something that must exist exactly when the instance does (e.g. the case it works on).
    /// </summary>
    public async Task<RuntimeResult> StartAsync(string definitionId, JsonObject? input = null, string? correlationId = null,
        int? version = null, IReadOnlyList<object>? initialEffects = null, CancellationToken cancellationToken = default)
    {
        var definition = version is { } v
            ? await definitions.FindVersionAsync(definitionId, v, cancellationToken)
            : await definitions.FindPublishedAsync(definitionId, cancellationToken);
        if (definition is null)
            return new RuntimeResult(RunOutcome.DefinitionNotFound, null, version is null ? $"no published version of '{definitionId}'" : $"no version {version} of '{definitionId}'", "definitionId");
        var workflow = cache.Get(definition);
        var instance = runner.CreateInstance(workflow, input, correlationId);
        var result = await runner.StartAsync(workflow, instance, cancellationToken);
        if (initialEffects is not null) result.Effects.InsertRange(0, initialEffects);
        await instances.AddAsync(instance, result, cancellationToken);
        return new RuntimeResult(RunOutcome.Ran, await FollowUpAsync(instance, result, cancellationToken));
    }

    /// <summary>Resumes one bookmark. Of two resumes of the same bookmark, one runs and the other answers <see cref="RunOutcome.BookmarkNotFound"/>.</summary>
    public Task<RuntimeResult> ResumeAsync(string instanceId, string bookmarkId, JsonNode? payload = null, CancellationToken cancellationToken = default) =>
        RunLockedAsync(instanceId, (workflow, instance) => runner.ResumeAsync(workflow, instance, bookmarkId, payload, cancellationToken), cancellationToken);

    public Task<RuntimeResult> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        RunLockedAsync(instanceId, (workflow, instance) => runner.RetryAsync(workflow, instance, cancellationToken), cancellationToken);

    /// <summary>Cancels the instance and, through <see cref="FollowUpAsync"/>, the children it waits on.</summary>
    public Task<RuntimeResult> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        RunLockedAsync(instanceId, (workflow, instance) => ValueTask.FromResult(runner.Cancel(workflow, instance)), cancellationToken);

    /// <summary>Resumes every bookmark waiting for signal <paramref name="name"/> (with <paramref name="key"/>, when given). Answers how many ran.</summary>
    public async Task<int> SignalAsync(string name, string? key, JsonNode? payload = null, CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var b in await instances.FindBookmarksAsync(SignalBookmark.Name(name), key, cancellationToken))
            if ((await ResumeAsync(b.InstanceId, b.BookmarkId, payload, cancellationToken)).Succeeded) count++;
        return count;
    }

    /// <summary>Resumes up to <paramref name="limit"/> timer bookmarks due by <paramref name="now"/>. Answers how many ran.</summary>
    public async Task<int> ResumeDueTimersAsync(DateTimeOffset now, int limit = 1000, CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var b in await instances.FindDueBookmarksAsync(now, limit, cancellationToken))
            if ((await ResumeAsync(b.InstanceId, b.BookmarkId, null, cancellationToken)).Succeeded) count++;
        return count;
    }

    private async Task<RuntimeResult> RunLockedAsync(string instanceId, Func<CompiledWorkflow, WorkflowInstance, ValueTask<RunResult>> run, CancellationToken cancellationToken)
    {
        var (found, value) = await instances.UpdateAsync(instanceId, async instance =>
        {
            var definition = await definitions.FindVersionAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken)
                ?? throw new InvalidOperationException($"version {instance.DefinitionVersion} of '{instance.DefinitionId}' is gone");
            var result = await run(cache.Get(definition), instance);
            return ((result, instance), result.Outcome == RunOutcome.Ran ? result : null);
        }, cancellationToken);
        if (!found) return new RuntimeResult(RunOutcome.InstanceNotFound, null, $"no workflow instance '{instanceId}'", "instanceId");
        var (burst, saved) = value;
        if (burst.Outcome != RunOutcome.Ran) return new RuntimeResult(burst.Outcome, saved, burst.Message, burst.Field);
        return new RuntimeResult(RunOutcome.Ran, await FollowUpAsync(saved, burst, cancellationToken));
    }

    /// <summary>
    /// After a burst is saved: start the children it asked for, and resume the parent of an instance that ended.
    /// Both are idempotent (a child's id is fixed in its parent's bookmark; a consumed bookmark is not resumed
    /// twice), so doing them again after a crash is safe. Answers the instance as it is afterwards: a child that
    /// ends at once has resumed its parent already.
    /// </summary>
    private async Task<WorkflowInstance> FollowUpAsync(WorkflowInstance instance, RunResult burst, CancellationToken cancellationToken)
    {
        var parentTouched = false;
        foreach (var bookmark in burst.ChildStarts)
        {
            if (await instances.ExistsAsync(bookmark.ChildInstanceId!, cancellationToken)) continue;
            await StartChildAsync(instance, bookmark, cancellationToken);
            parentTouched = true;
        }
        foreach (var child in burst.CancelledChildInstanceIds)
        {
            var cancelled = await CancelAsync(child, cancellationToken);
            if (!cancelled.Succeeded) logger.LogInformation("Child {ChildId} of {InstanceId} not cancelled: {Message}", child, instance.Id, cancelled.Message);
        }
        if (instance.IsFinished && instance.ParentInstanceId is { } parentId && instance.ParentBookmarkId is { } bookmarkId)
        {
            var payload = new JsonObject { ["status"] = instance.Status.ToString(), ["output"] = instance.Output?.DeepClone(), ["instanceId"] = instance.Id };
            var resumed = await ResumeAsync(parentId, bookmarkId, payload, cancellationToken);
            if (!resumed.Succeeded) logger.LogInformation("Parent {ParentId} of {InstanceId} not resumed: {Message}", parentId, instance.Id, resumed.Message);
        }
        return parentTouched ? await instances.FindAsync(instance.Id, cancellationToken) ?? instance : instance;
    }

    private async Task StartChildAsync(WorkflowInstance parent, Bookmark bookmark, CancellationToken cancellationToken)
    {
        var definition = await definitions.FindPublishedAsync(bookmark.ChildDefinitionId!, cancellationToken);
        if (definition is null)
        {
            // The parent waits on a child that cannot start: resume it so its RunWorkflow faults with a clear incident.
            await ResumeAsync(parent.Id, bookmark.Id, new JsonObject { ["status"] = "NotStarted", ["error"] = $"no published version of '{bookmark.ChildDefinitionId}'" }, cancellationToken);
            return;
        }
        var workflow = cache.Get(definition);
        WorkflowInstance child;
        try
        {
            child = runner.CreateInstance(workflow, bookmark.ChildInput?.DeepClone().AsObject(), parent.CorrelationId, bookmark.ChildInstanceId, parent.Id, bookmark.Id);
        }
        catch (WorkflowInputException e)
        {
            await ResumeAsync(parent.Id, bookmark.Id, new JsonObject { ["status"] = "NotStarted", ["error"] = e.Message }, cancellationToken);
            return;
        }
        var result = await runner.StartAsync(workflow, child, cancellationToken);
        try
        {
            await instances.AddAsync(child, result, cancellationToken);
        }
        catch (DuplicateInstanceException)
        {
            return; // Another process started it first.
        }
        await FollowUpAsync(child, result, cancellationToken);
    }
}

/// <summary>How signal bookmarks are named, shared by <c>WaitForSignal</c> and <see cref="WorkflowRuntime.SignalAsync"/>.</summary>
public static class SignalBookmark
{
    public static string Name(string signal) => "Signal:" + signal;
}
