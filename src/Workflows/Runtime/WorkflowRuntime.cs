using System.Text.Json.Nodes;
using AfterSales.Workflows.Execution;
using Microsoft.Extensions.Logging;

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// The answer to a runtime call: what happened and the instance as it is now (null when not found). A refused resume
/// names the field (<see cref="Field"/>) and, when the activity checked several, each with its messages
/// (<see cref="Errors"/>).
/// </summary>
public sealed record RuntimeResult(
    RunOutcome Outcome, WorkflowInstance? Instance, string? Message = null, string? Field = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
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
        if (burst.Outcome != RunOutcome.Ran)
            return new RuntimeResult(burst.Outcome, saved, burst.Message, burst.Field, burst.Errors);
        return new RuntimeResult(RunOutcome.Ran, await FollowUpAsync(saved, burst, cancellationToken));
    }

    /// <summary>
    /// Does the outbox entries saved at or before <paramref name="writtenBefore"/> that no one completed: the follow-up work
    /// of bursts whose process died (or lost the database) after the commit. Safe beside the normal path and another
    /// sweep, as every entry is idempotent (<see cref="WorkflowOutboxEntry"/>). Answers how many entries it completed.
    /// </summary>
    /// <param name="writtenBefore">Leave younger entries to the process that wrote them: a sweep racing it costs work, not correctness.</param>
    public async Task<int> SweepOutboxAsync(DateTimeOffset writtenBefore, int limit = 100, CancellationToken cancellationToken = default)
    {
        var completed = 0;
        foreach (var entry in await instances.FindOutboxAsync(writtenBefore, limit, cancellationToken))
        {
            try
            {
                // An instance that is gone has nothing left to follow up.
                if (await instances.FindAsync(entry.InstanceId, cancellationToken) is { } source)
                    await RunAsync(entry, source, cancellationToken);
                await instances.CompleteOutboxAsync(entry, cancellationToken);
                completed++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Outbox entry {Kind} {Target} of {InstanceId} failed (the next sweep tries again)", entry.Kind, entry.TargetInstanceId, entry.InstanceId);
            }
        }
        // A warning: work was left, so a Host died or lost the database after a commit.
        if (completed > 0) logger.LogWarning("The outbox sweep did {Count} follow-ups that their bursts had left", completed);
        return completed;
    }

    /// <summary>
    /// After a burst is saved: its outbox entries (start the children it asked for, cancel those it dropped, resume the parent
    /// of an instance that ended), each completed once done. One that fails stays in the outbox for
    /// <see cref="SweepOutboxAsync"/>: the burst is committed, so the caller hears of its success, not of this failure.
    /// Answers the instance as it is afterwards: a child that ends at once has resumed its parent already.
    /// </summary>
    private async Task<WorkflowInstance> FollowUpAsync(WorkflowInstance instance, RunResult burst, CancellationToken cancellationToken)
    {
        var parentTouched = false;
        foreach (var entry in WorkflowOutboxEntry.Of(instance, burst))
        {
            try
            {
                parentTouched |= await RunAsync(entry, instance, cancellationToken);
                await instances.CompleteOutboxAsync(entry, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Follow-up {Kind} {Target} of {InstanceId} failed: left to the outbox sweep", entry.Kind, entry.TargetInstanceId, instance.Id);
            }
        }
        if (!parentTouched) return instance;
        try
        {
            return await instances.FindAsync(instance.Id, cancellationToken) ?? instance;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Instance {InstanceId} could not be read again after its follow-ups", instance.Id);
            return instance;
        }
    }

    /// <summary>Does one outbox entry of <paramref name="source"/>, the instance that wrote it; answers whether that instance changed.</summary>
    private async Task<bool> RunAsync(WorkflowOutboxEntry entry, WorkflowInstance source, CancellationToken cancellationToken)
    {
        switch (entry.Kind)
        {
            case WorkflowOutboxKind.StartChild:
                // Gone from the parent (cancelled meanwhile), or started already: nothing to do.
                if (source.Bookmarks.Find(b => b.Id == entry.BookmarkId) is not { } bookmark) return false;
                if (await instances.ExistsAsync(entry.TargetInstanceId, cancellationToken)) return false;
                await StartChildAsync(source, bookmark, cancellationToken);
                return true;
            case WorkflowOutboxKind.CancelChild:
                var cancelled = await CancelAsync(entry.TargetInstanceId, cancellationToken);
                if (!cancelled.Succeeded) logger.LogInformation("Child {ChildId} of {InstanceId} not cancelled: {Message}", entry.TargetInstanceId, source.Id, cancelled.Message);
                return false;
            case WorkflowOutboxKind.ResumeParent:
                var payload = new JsonObject { ["status"] = source.Status.ToString(), ["output"] = source.Output?.DeepClone(), ["instanceId"] = source.Id };
                var resumed = await ResumeAsync(entry.TargetInstanceId, entry.BookmarkId!, payload, cancellationToken);
                if (!resumed.Succeeded) logger.LogInformation("Parent {ParentId} of {InstanceId} not resumed: {Message}", entry.TargetInstanceId, source.Id, resumed.Message);
                return false;
            default:
                throw new InvalidOperationException($"unknown outbox entry kind {entry.Kind}");
        }
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
