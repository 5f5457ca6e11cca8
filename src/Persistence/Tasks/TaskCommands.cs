using System.Text.Json.Nodes;
using AfterSales.Cases.Tasks;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using Npgsql;
using static AfterSales.Persistence.Runtime.BatchSql;

namespace AfterSales.Persistence.Tasks;

/// <summary>
/// Keeps <c>tasks</c> in step with the <c>HumanTask</c> bookmarks of a burst: a created bookmark is an open task; a removed
/// one is completed when the burst is its resume, otherwise cancelled (a wait-any join, an End or a cancel dropped it).
/// </summary>
internal static class TaskCommands
{
    private const string InsertSql = """
        insert into aftersales.tasks
            (id, case_id, instance_id, activity_id, role, assignee, title, form, outcomes, due_at, status, created_at)
        values ($1, (select id from aftersales.cases where id = $2), $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11)
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
        if (changes.RemovedBookmarkIds.Count == 0) return;

        var removed = changes.RemovedBookmarkIds;
        // A resume burst starts with the resumed activity's journal entry, and the runner removes the resumed bookmark
        // before anything else runs: so the first removed id is the task completed, the rest were dropped.
        var cancelled = removed;
        if (changes.Journal is [{ Kind: "Resumed", ActivityType: HumanTaskPayload.BookmarkName } resumed, ..])
        {
            Complete(batch, removed[0], resumed);
            cancelled = removed.Skip(1).ToList();
        }
        if (cancelled.Count > 0) Add(batch, CancelSql, TextArray(cancelled));
    }

    private static void Insert(NpgsqlBatch batch, WorkflowInstance instance, Bookmark bookmark)
    {
        var p = HumanTaskPayload.Read(bookmark.Payload);
        Add(batch, InsertSql,
            Text(bookmark.Id), Text(instance.CorrelationId), Text(instance.Id), Text(bookmark.ActivityId), Text(p.Role),
            Text(p.User), Text(p.Title ?? bookmark.ActivityId), Text(p.Form), TextArray(p.Outcomes.ToArray()), Time(p.DueAt),
            Time(bookmark.CreatedAt));
    }

    private static void Complete(NpgsqlBatch batch, string taskId, JournalEntry resumed)
    {
        var outputs = resumed.Outputs;
        var carried = TaskCompletionScope.For(taskId);
        var user = carried?.User ?? String(outputs, "completedBy");
        // The journal truncates long values to a string: only an object or array there is the whole form.
        var form = carried is not null ? carried.FormData : outputs?.GetValueOrDefault("formData") is JsonObject or JsonArray ? outputs["formData"] : null;
        Add(batch, CompleteSql,
            Text(taskId), Text(user), Time(resumed.EndedAt), Text(String(outputs, "outcome") ?? resumed.Outcome), Jsonb(form?.ToJsonString()));
    }

    private static string? String(IReadOnlyDictionary<string, JsonNode?>? values, string name) =>
        values?.GetValueOrDefault(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
