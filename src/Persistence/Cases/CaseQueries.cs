using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using AfterSales.Persistence.Instances;
using AfterSales.Persistence.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Persistence.Cases;

/// <summary>Read-only views of cases for lists and the case page.</summary>
public sealed class CaseQueries(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int MaxPageSize = 500;

    private const string Columns = """
        c.id, c.number, c.kind, c.channel, c.customer, c.product, c.hosts, c.accessories, c.description, c.status, c.owner,
        c.workflow_instance_id, c.escalation_level, c.escalated_at, c.first_response_due_at, c.first_responded_at,
        c.sla_paused_since, c.sla_paused_total, c.created_at, c.updated_at, c.closed_at
        """;

    private const string TimelineSql = "select id, at, kind, actor, text, data from aftersales.case_events where case_id = $1 order by at, id";

    private const string CostsSql = """
        select id, kind, amount, person_times, note, at, recorded_by from aftersales.case_costs where case_id = $1 order by at, id
        """;

    private const string MailsSql = """
        select id, event_key, recipients, subject, status, attempts, last_error, created_at, sent_at
        from aftersales.mail_outbox where case_id = $1 order by id
        """;

    private const string SurveySql = """
        select created_at, expires_at, answered_at, rating, comment, would_recommend
        from aftersales.surveys where case_id = $1 order by created_at desc limit 1
        """;

    // Timers of return-visit workflows on the case: the call is due when the timer fires.
    private const string ReturnVisitsSql = """
        select b.due_at from aftersales.workflow_bookmarks b
        join aftersales.workflow_instances i on i.id = b.instance_id
        where i.correlation_id = $1 and i.definition_id = 'return_visit' and b.due_at is not null
        order by b.due_at
        """;

    /// <summary>Cases matching the filter, newest first.</summary>
    public async Task<Page<CaseView>> ListAsync(CaseFilter filter, CancellationToken ct = default)
    {
        var page = Math.Max(1, filter.Page);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var where = new StringBuilder("true");
        var parameters = new List<NpgsqlParameter>();
        void Where(string condition, object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            where.Append(" and ").Append(condition.Replace("@", "$" + parameters.Count));
        }
        if (filter.Kind is { } kind) Where("c.kind = @", kind, NpgsqlDbType.Text);
        if (filter.Status is { } status) Where("c.status = @", status, NpgsqlDbType.Text);
        // The same expression as the trigram index ix_cases_customer_search.
        if (filter.Customer is { Length: > 0 } customer)
            Where("(coalesce(c.customer ->> 'name', '') || ' ' || coalesce(c.customer ->> 'company', '')) ilike @", $"%{EscapeLike(customer)}%", NpgsqlDbType.Text);
        if (filter.Overdue) Where("c.first_responded_at is null and c.first_response_due_at < @", time.GetUtcNow(), NpgsqlDbType.TimestampTz);
        if (filter.Escalated) where.Append(" and c.escalation_level > 0");
        if (filter.CreatedFrom is { } from) Where("c.created_at >= @", from, NpgsqlDbType.TimestampTz);
        if (filter.CreatedBefore is { } before) Where("c.created_at < @", before, NpgsqlDbType.TimestampTz);
        var order = filter.Sort switch
        {
            CaseSorts.DueAt => "c.first_response_due_at + c.sla_paused_total nulls last, c.created_at desc, c.id desc",
            CaseSorts.Number => "c.number, c.id",
            _ => "c.created_at desc, c.id desc",
        };

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        long total;
        await using (var count = new NpgsqlCommand($"select count(*) from aftersales.cases c where {where}", connection))
        {
            count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        var items = new List<CaseView>();
        if (total > 0)
        {
            await using var list = new NpgsqlCommand(
                $"select {Columns} from aftersales.cases c where {where} order by {order}"
                + $" limit {pageSize} offset {(page - 1L) * pageSize}", connection);
            list.Parameters.AddRange(parameters.ToArray());
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) items.Add(ReadCase(reader));
        }
        return new Page<CaseView>(items, page, pageSize, total);
    }

    public async Task<CaseView?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await GetAsync(connection, id, ct);
    }

    /// <summary>The case with its timeline, open tasks, follow-ups, forms, costs and mails; null when unknown.</summary>
    public async Task<CaseDetails?> GetDetailsAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for all the parts, so they agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var view = await GetAsync(connection, id, ct);
        if (view is null) return null;

        var timeline = await ReadAllAsync(connection, TimelineSql, id, r => new CaseEventView(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1),
            r.GetString(2), NullableString(r, 3), r.GetString(4), r.IsDBNull(5) ? null : JsonNode.Parse(r.GetString(5))), ct);
        var tasks = await ReadAllAsync(connection, $"{TaskQueries.SelectSql} where t.case_id = $1 order by t.created_at, t.id", id, TaskQueries.ReadTask, ct);
        var costs = await ReadAllAsync(connection, CostsSql, id, r => new CaseCostView(r.GetInt64(0), r.GetString(1), r.GetDecimal(2), r.GetInt32(3),
            NullableString(r, 4), r.GetFieldValue<DateTimeOffset>(5), NullableString(r, 6)), ct);
        var mails = await ReadAllAsync(connection, MailsSql, id, r => new CaseMailView(r.GetInt64(0), r.GetString(1), r.GetFieldValue<string[]>(2),
            r.GetString(3), r.GetString(4), r.GetInt32(5), NullableString(r, 6), r.GetFieldValue<DateTimeOffset>(7),
            r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8)), ct);
        var returnVisits = await ReadAllAsync(connection, ReturnVisitsSql, id, r => r.GetFieldValue<DateTimeOffset>(0), ct);
        var surveys = await ReadAllAsync(connection, SurveySql, id, r => new CaseSurveyView(
            r.GetFieldValue<DateTimeOffset>(0), r.GetFieldValue<DateTimeOffset>(1),
            r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetInt32(3),
            NullableString(r, 4), r.IsDBNull(5) ? null : r.GetBoolean(5)), ct);

        var open = tasks.Where(t => t.Status is TaskStatuses.Open or TaskStatuses.Claimed).ToList();
        var followUps = open.Where(t => t.DueAt is not null).Select(t => new FollowUp("task", t.Title, t.DueAt!.Value, t.Id, t.Role))
            .Concat(returnVisits.Select(due => new FollowUp("return_visit", "Return visit call", due, null, null)))
            .OrderBy(f => f.DueAt).ToList();
        var forms = tasks
            .Where(t => t is { Status: TaskStatuses.Completed, Form: not null, FormData: not null })
            .GroupBy(t => t.Form!)
            .Select(g => g.MaxBy(t => t.CompletedAt)!)
            .ToDictionary(t => t.Form!, t => new CaseFormView(t.Id, t.Title, t.CompletedBy, t.CompletedAt, t.FormData), StringComparer.Ordinal);
        var done = tasks.Except(open).ToList();
        var costsWithTotal = new CaseCosts(costs, costs.Sum(c => c.Amount));
        return CaseDetails.From(
            view, timeline, open, followUps, forms, costsWithTotal, mails, done, surveys.FirstOrDefault());
    }

    private async Task<CaseView?> GetAsync(NpgsqlConnection connection, string id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select {Columns} from aftersales.cases c where c.id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadCase(reader) : null;
    }

    private CaseView ReadCase(NpgsqlDataReader r)
    {
        DateTimeOffset? At(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
        return new CaseView(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            JsonNode.Parse(r.GetString(4))!.AsObject(), JsonNode.Parse(r.GetString(5))!.AsObject(),
            new CaseQuantities(r.GetInt32(6), r.GetInt32(7)), NullableString(r, 8), r.GetString(9), NullableString(r, 10), NullableString(r, 11),
            new CaseEscalation(r.GetInt32(12), At(13)),
            Sla(At(14), At(15), At(16), r.GetFieldValue<TimeSpan>(17)),
            r.GetFieldValue<DateTimeOffset>(18), r.GetFieldValue<DateTimeOffset>(19), At(20));
    }

    private SlaState Sla(DateTimeOffset? dueAt, DateTimeOffset? respondedAt, DateTimeOffset? pausedSince, TimeSpan pausedTotal)
    {
        var now = time.GetUtcNow();
        var paused = pausedTotal + (pausedSince is { } since && respondedAt is null ? now - since : TimeSpan.Zero);
        if (dueAt is null) return new SlaState(null, respondedAt, null, null, pausedSince is not null, Duration(paused));
        var due = dueAt.Value + paused;
        var late = (respondedAt ?? now) - due;
        bool? met = respondedAt is not null ? late <= TimeSpan.Zero : late > TimeSpan.Zero ? false : null;
        return new SlaState(due, respondedAt, met, late > TimeSpan.Zero ? Duration(late) : null, pausedSince is not null, Duration(paused));
    }

    private static string Duration(TimeSpan value) => XmlConvert.ToString(TimeSpan.FromSeconds(Math.Round(value.TotalSeconds)));

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlConnection connection, string sql, string id, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<T>();
        while (await reader.ReadAsync(ct)) items.Add(read(reader));
        return items;
    }

    internal static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
