using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Persistence.Runtime;

/// <summary>
/// The SQL that saves an instance and what one burst did, added to a batch so it all travels in one round trip.
/// Rows of a kind go in as arrays through <c>unnest</c>: one statement text whatever the count, so it stays prepared.
/// </summary>
internal static class BurstCommands
{
    private const string InsertInstanceSql = """
        insert into aftersales.workflow_instances
            (id, definition_id, definition_version, status, correlation_id, parent_instance_id, state, created_at, updated_at, finished_at, version)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)
        """;

    private const string UpdateInstanceSql = """
        update aftersales.workflow_instances
        set status = $2, state = $3, updated_at = $4, finished_at = $5, version = version + 1
        where id = $1 and version = $6
        """;

    private const string DeleteBookmarksSql = "delete from aftersales.workflow_bookmarks where id = any($1)";

    private const string InsertBookmarksSql = """
        insert into aftersales.workflow_bookmarks (id, instance_id, activity_id, name, key, due_at, payload, created_at)
        select b.id, $1, b.activity_id, b.name, b.key, b.due_at, b.payload, b.created_at
        from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::jsonb[], $8::timestamptz[])
            as b (id, activity_id, name, key, due_at, payload, created_at)
        """;

    private const string InsertJournalSql = """
        insert into aftersales.workflow_journal
            (instance_id, sequence, activity_id, activity_type, kind, started_at, ended_at, outcome, inputs, outputs, error)
        select $1, j.*
        from unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::jsonb[], $10::jsonb[], $11::text[])
            as j (sequence, activity_id, activity_type, kind, started_at, ended_at, outcome, inputs, outputs, error)
        """;

    private const string UpsertIncidentsSql = """
        insert into aftersales.workflow_incidents (id, instance_id, activity_id, activity_type, message, exception_type, at, resolved_at)
        select i.id, $1, i.activity_id, i.activity_type, i.message, i.exception_type, i.at, i.resolved_at
        from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
            as i (id, activity_id, activity_type, message, exception_type, at, resolved_at)
        on conflict (id) do update set resolved_at = excluded.resolved_at
        where aftersales.workflow_incidents.resolved_at is distinct from excluded.resolved_at
        """;

    private const string InsertEffectsSql = """
        insert into aftersales.workflow_effects (instance_id, type, payload, created_at)
        select $1, e.type, e.payload, $4
        from unnest($2::text[], $3::jsonb[]) with ordinality as e (type, payload, n)
        order by e.n
        """;

    private const string InsertOutboxSql = """
        insert into aftersales.workflow_outbox (instance_id, kind, target_instance_id, bookmark_id, created_at)
        select $1, o.kind, o.target_instance_id, o.bookmark_id, $5
        from unnest($2::text[], $3::text[], $4::text[]) with ordinality as o (kind, target_instance_id, bookmark_id, n)
        order by o.n
        """;

    public const string InstancePrimaryKey = "pk_workflow_instances";

    public static void InsertInstance(NpgsqlBatch batch, WorkflowInstance instance) =>
        Add(batch, InsertInstanceSql,
            Text(instance.Id), Text(instance.DefinitionId), new NpgsqlParameter<int> { TypedValue = instance.DefinitionVersion },
            Text(instance.Status.ToString()), Text(instance.CorrelationId), Text(instance.ParentInstanceId), State(instance),
            Time(instance.CreatedAt), Time(instance.UpdatedAt), Time(instance.FinishedAt));

    /// <summary>Adds the conditional update; its batch command affects no row when <paramref name="expectedVersion"/> is stale.</summary>
    public static NpgsqlBatchCommand UpdateInstance(NpgsqlBatch batch, WorkflowInstance instance, int expectedVersion) =>
        Add(batch, UpdateInstanceSql,
            Text(instance.Id), Text(instance.Status.ToString()), State(instance), Time(instance.UpdatedAt), Time(instance.FinishedAt),
            new NpgsqlParameter<int> { TypedValue = expectedVersion });

    /// <summary>Adds what a burst changed besides the state: bookmark index rows, journal entries, effects, outbox entries, incidents.</summary>
    public static void AddChanges(NpgsqlBatch batch, WorkflowInstance instance, RunResult changes)
    {
        if (changes.RemovedBookmarkIds.Count > 0)
            Add(batch, DeleteBookmarksSql, Array(NpgsqlDbType.Text, changes.RemovedBookmarkIds.ToArray()));
        if (changes.CreatedBookmarks is { Count: > 0 } bookmarks)
            Add(batch, InsertBookmarksSql,
                Text(instance.Id),
                Array(NpgsqlDbType.Text, bookmarks.Select(b => b.Id).ToArray()),
                Array(NpgsqlDbType.Text, bookmarks.Select(b => b.ActivityId).ToArray()),
                Array(NpgsqlDbType.Text, bookmarks.Select(b => b.Name).ToArray()),
                Array(NpgsqlDbType.Text, bookmarks.Select(b => b.Key).ToArray()),
                Array(NpgsqlDbType.TimestampTz, bookmarks.Select(b => b.DueAt?.ToUniversalTime()).ToArray()),
                Array(NpgsqlDbType.Jsonb, bookmarks.Select(b => b.Payload?.ToJsonString()).ToArray()),
                Array(NpgsqlDbType.TimestampTz, bookmarks.Select(b => b.CreatedAt.ToUniversalTime()).ToArray()));
        if (changes.Journal is { Count: > 0 } journal)
            Add(batch, InsertJournalSql,
                Text(instance.Id),
                Array(NpgsqlDbType.Bigint, journal.Select(j => j.Sequence).ToArray()),
                Array(NpgsqlDbType.Text, journal.Select(j => j.ActivityId).ToArray()),
                Array(NpgsqlDbType.Text, journal.Select(j => j.ActivityType).ToArray()),
                Array(NpgsqlDbType.Text, journal.Select(j => j.Kind).ToArray()),
                Array(NpgsqlDbType.TimestampTz, journal.Select(j => j.StartedAt.ToUniversalTime()).ToArray()),
                Array(NpgsqlDbType.TimestampTz, journal.Select(j => j.EndedAt.ToUniversalTime()).ToArray()),
                Array(NpgsqlDbType.Text, journal.Select(j => j.Outcome).ToArray()),
                Array(NpgsqlDbType.Jsonb, journal.Select(j => Values(j.Inputs)).ToArray()),
                Array(NpgsqlDbType.Jsonb, journal.Select(j => Values(j.Outputs)).ToArray()),
                Array(NpgsqlDbType.Text, journal.Select(j => j.Error).ToArray()));
        if (changes.Effects is { Count: > 0 } effects)
            Add(batch, InsertEffectsSql,
                Text(instance.Id),
                Array(NpgsqlDbType.Text, effects.Select(e => EffectNames.Of(e.GetType())).ToArray()),
                Array(NpgsqlDbType.Jsonb, effects.Select(e => JsonSerializer.Serialize(e, e.GetType(), WorkflowStateJson.Options)).ToArray()),
                Time(instance.UpdatedAt));
        if (WorkflowOutboxEntry.Of(instance, changes) is { Count: > 0 } outbox)
            Add(batch, InsertOutboxSql,
                Text(instance.Id),
                Array(NpgsqlDbType.Text, outbox.Select(o => o.Kind.ToString()).ToArray()),
                Array(NpgsqlDbType.Text, outbox.Select(o => o.TargetInstanceId).ToArray()),
                Array(NpgsqlDbType.Text, outbox.Select(o => o.BookmarkId).ToArray()),
                Time(instance.UpdatedAt));
        // The burst does not list incident changes (a retry resolves old ones), so the instance's few incidents are
        // written whenever it has any; unchanged rows are left alone by the conflict clause.
        if (instance.Incidents is { Count: > 0 } incidents)
            Add(batch, UpsertIncidentsSql,
                Text(instance.Id),
                Array(NpgsqlDbType.Text, incidents.Select(i => i.Id).ToArray()),
                Array(NpgsqlDbType.Text, incidents.Select(i => i.ActivityId).ToArray()),
                Array(NpgsqlDbType.Text, incidents.Select(i => i.ActivityType).ToArray()),
                Array(NpgsqlDbType.Text, incidents.Select(i => i.Message).ToArray()),
                Array(NpgsqlDbType.Text, incidents.Select(i => i.ExceptionType).ToArray()),
                Array(NpgsqlDbType.TimestampTz, incidents.Select(i => i.At.ToUniversalTime()).ToArray()),
                Array(NpgsqlDbType.TimestampTz, incidents.Select(i => i.ResolvedAt?.ToUniversalTime()).ToArray()));
    }

    /// <summary>Journal inputs and outputs as a JSON object, the shape <see cref="ReadValues"/> reads back.</summary>
    public static string? Values(IReadOnlyDictionary<string, JsonNode?>? values) =>
        values is null ? null : JsonSerializer.Serialize(values, WorkflowStateJson.Options);

    public static IReadOnlyDictionary<string, JsonNode?>? ReadValues(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonNode?>>(json, WorkflowStateJson.Options);

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter State(WorkflowInstance instance) =>
        new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = WorkflowStateJson.Serialize(instance) };

    // timestamptz takes only UTC offsets; the engine's clock gives UTC, but an injected one might not.
    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v.ToUniversalTime() : DBNull.Value };

    private static NpgsqlParameter Array<T>(NpgsqlDbType elementType, T[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };
}
