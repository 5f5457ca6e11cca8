using AfterSales.Cases.Tasks;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using Npgsql;
using static AfterSales.Persistence.Runtime.BatchSql;

namespace AfterSales.Persistence.Tasks;

/// <summary>
/// Keeps <c>tasks</c> in step with the <c>HumanTask</c> bookmarks of a burst: a created bookmark is an open task; a removed
/// one is completed with what its <see cref="TaskCompleted"/> effect carries, otherwise cancelled (a wait-any join, an
/// End or a cancel dropped it). The cancel statement touches only open or claimed tasks, so removed bookmarks that are not
/// tasks (timers, signals) change nothing.
/// </summary>
internal static class TaskCommands
{
    private const string InsertSql = """
        insert into aftersales.tasks
            (id, case_id, instance_id, activity_id, role, assignee, title, form, outcomes, reason_required_for, due_at,
             status, created_at)
        values ($1, (select id from aftersales.cases where id = $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12)
        """;

    // Completes the task, writes it on the case's timeline, and moves a case nobody has worked on yet to in_progress
    // (effects later in the batch may set another status).
    private const string CompleteSql = """
        with done as (
            update aftersales.tasks
            set status = 'completed', completed_by = coalesce($2, claimed_by), completed_at = $3, outcome = $4, form_data = $5
            where id = $1 and status in ('open', 'claimed')
            returning case_id, title, form, completed_by
        ),
        timeline as (
            insert into aftersales.case_events (case_id, at, kind, actor, text, data)
            select d.case_id, $3, 'task', d.completed_by, 'Task completed: ' || d.title || ' (' || $4 || ')',
                jsonb_build_object('taskId', $1::text, 'outcome', $4::text, 'form', d.form)
            from done d
            where d.case_id is not null
        )
        update aftersales.cases c
        set status = 'in_progress', updated_at = $3
        from done d
        where c.id = d.case_id and c.status = 'open'
        """;

    private const string CancelSql = """
        update aftersales.tasks set status = 'cancelled' where id = any($1) and status in ('open', 'claimed')
        """;

    public static void Apply(NpgsqlBatch batch, WorkflowInstance instance, RunResult changes)
    {
        foreach (var bookmark in changes.CreatedBookmarks.Where(b => b.Name == HumanTaskPayload.BookmarkName))
            Insert(batch, instance, bookmark);
        // HumanTask emits TaskCompleted on the resume that completes it, whatever route resumed it; a removed task
        // bookmark without one was dropped (or its resume faulted).
        var completed = changes.Effects.OfType<TaskCompleted>().ToList();
        foreach (var done in completed) Complete(batch, done);
        var cancelled = changes.RemovedBookmarkIds
            .Except(completed.Select(c => c.TaskId), StringComparer.Ordinal).ToArray();
        if (cancelled.Length > 0) Add(batch, CancelSql, TextArray(cancelled));
    }

    private static void Insert(NpgsqlBatch batch, WorkflowInstance instance, Bookmark bookmark)
    {
        var p = HumanTaskPayload.Read(bookmark.Payload);
        Add(batch, InsertSql,
            Text(bookmark.Id), Text(instance.CorrelationId), Text(instance.Id), Text(bookmark.ActivityId), Text(p.Role),
            Text(p.User), Text(p.Title ?? bookmark.ActivityId), Text(p.Form), TextArray(p.Outcomes.ToArray()),
            TextArray(p.ReasonRequiredFor.ToArray()), Time(p.DueAt),
            Time(bookmark.CreatedAt));
    }

    private static void Complete(NpgsqlBatch batch, TaskCompleted done) =>
        Add(batch, CompleteSql,
            Text(done.TaskId), Text(done.CompletedBy), Time(done.At), Text(done.Outcome),
            Jsonb(done.Form?.ToJsonString()));
}
