using AfterSales.Workflows.Execution;

namespace AfterSales.Workflows.Runtime;

/// <summary>What a burst leaves to do for another instance once it is saved.</summary>
public enum WorkflowOutboxKind
{
    /// <summary>Start the child <see cref="WorkflowOutboxEntry.TargetInstanceId"/> that the bookmark <see cref="WorkflowOutboxEntry.BookmarkId"/> waits on.</summary>
    StartChild,
    /// <summary>Cancel the child <see cref="WorkflowOutboxEntry.TargetInstanceId"/>: its parent no longer waits on it.</summary>
    CancelChild,
    /// <summary>Resume the parent <see cref="WorkflowOutboxEntry.TargetInstanceId"/> at <see cref="WorkflowOutboxEntry.BookmarkId"/>: this child ended.</summary>
    ResumeParent,
}

/// <summary>
/// One piece of a burst's follow-up work on another instance. A store saves the entries of a burst (<see cref="Of"/>) in the
/// burst's own transaction and keeps each until <see cref="IWorkflowInstanceStore.CompleteOutboxAsync"/>: a process that
/// dies between the commit and the work leaves the entry for <see cref="WorkflowRuntime.SweepOutboxAsync"/>. Doing an
/// entry twice is harmless: a child's id is fixed in its parent's bookmark, a bookmark is consumed once, and an ended
/// instance is not cancelled again.
/// </summary>
/// <param name="InstanceId">The instance whose burst wrote the entry.</param>
public sealed record WorkflowOutboxEntry(string InstanceId, WorkflowOutboxKind Kind, string TargetInstanceId, string? BookmarkId)
{
    /// <summary>The entries of a burst that left <paramref name="instance"/> as it is, in the order the runtime does them.</summary>
    public static IReadOnlyList<WorkflowOutboxEntry> Of(WorkflowInstance instance, RunResult burst)
    {
        var entries = new List<WorkflowOutboxEntry>();
        foreach (var bookmark in burst.ChildStarts)
            entries.Add(new(instance.Id, WorkflowOutboxKind.StartChild, bookmark.ChildInstanceId!, bookmark.Id));
        foreach (var child in burst.CancelledChildInstanceIds)
            entries.Add(new(instance.Id, WorkflowOutboxKind.CancelChild, child, null));
        // A burst never runs on an ended instance, so one that leaves it ended is the burst that ended it.
        if (instance.IsFinished && instance.ParentInstanceId is { } parentId && instance.ParentBookmarkId is { } bookmarkId)
            entries.Add(new(instance.Id, WorkflowOutboxKind.ResumeParent, parentId, bookmarkId));
        return entries;
    }
}
