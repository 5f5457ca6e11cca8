using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Persistence.Instances;
using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Persistence.Tasks;

/// <summary>Inboxes: tasks by role, status, case or assignee, and one task; and claiming one.</summary>
public sealed class TaskQueries(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int MaxPageSize = 500;

    internal const string SelectSql = "select " + Columns + FromSql;

    private const string Columns = """
        t.id, t.case_id, c.number, c.kind, c.customer ->> 'name', c.customer ->> 'company',
            t.instance_id, t.activity_id, t.role, t.assignee, t.title, t.form, t.outcomes, t.due_at, t.status,
            t.claimed_by, t.claimed_at, t.completed_by, t.completed_at, t.outcome, t.form_data, t.created_at,
            t.reason_required_for
        """;

    private const string FromSql = " from aftersales.tasks t left join aftersales.cases c on c.id = t.case_id";

    // The inbox's order; ix_tasks_open_due holds the open and claimed tasks in it, so a page of them is read in order.
    private const string OrderSql = " order by t.due_at nulls last, t.created_at, t.id";

    // Claiming is a transition from open (or a repeat by the same user); anything else is refused by the caller from
    // the task as it is now.
    private const string ClaimSql = """
        update aftersales.tasks set status = 'claimed', claimed_by = $2, claimed_at = coalesce(claimed_at, $3)
        where id = $1 and (status = 'open' or status = 'claimed' and claimed_by = $2)
        """;

    // Back to the role's inbox, from the claim of the user the caller saw: a claim changed meanwhile is left alone.
    private const string ReleaseSql = """
        update aftersales.tasks set status = 'open', claimed_by = null, claimed_at = null
        where id = $1 and status = 'claimed' and claimed_by = $2
        """;

    /// <summary>Tasks matching the filter: those due first first (no due time last), then the oldest.</summary>
    public async Task<Page<TaskView>> ListAsync(TaskFilter filter, CancellationToken ct = default)
    {
        var page = Math.Max(1, filter.Page);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var (where, parameters) = Criteria(filter);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        long total;
        await using (var count = new NpgsqlCommand($"select count(*){FromSql} where {where}", connection))
        {
            count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        var items = new List<TaskView>();
        if (total > 0)
        {
            await using var list = new NpgsqlCommand(ListSql(where, pageSize, page), connection);
            list.Parameters.AddRange(parameters.ToArray());
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) items.Add(ReadTask(reader));
        }
        return new Page<TaskView>(items, page, pageSize, total);
    }

    /// <summary>The filter as a where clause on tasks <c>t</c> and cases <c>c</c>, with its parameters ($1, $2, …).</summary>
    internal static (string Where, List<NpgsqlParameter> Parameters) Criteria(TaskFilter filter)
    {
        var where = new StringBuilder("true");
        var parameters = new List<NpgsqlParameter>();
        string Parameter(object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            return "$" + parameters.Count;
        }
        void Where(string column, string value) =>
            where.Append($" and {column} = {Parameter(value, NpgsqlDbType.Text)}");
        if (filter.Role is { } role) Where("t.role", role);
        if (filter.Status is { } status) Where("t.status", status);
        if (filter.CaseId is { } caseId) Where("t.case_id", caseId);
        if (filter.Assignee is { } assignee) Where("t.assignee", assignee);
        if (filter.Kind is { } kind) Where("c.kind", kind);
        if (filter.Mine is { } mine)
        {
            var user = Parameter(mine.User, NpgsqlDbType.Text);
            var roles = Parameter(mine.Roles.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            // A task assigned to a user is for that user alone, whatever its role.
            where.Append($" and (t.assignee = {user} or t.claimed_by = {user}")
                .Append($" or t.assignee is null and t.role = any({roles}))");
            if (filter.Status is null) where.Append(" and t.status in ('open', 'claimed')");
        }
        return (where.ToString(), parameters);
    }

    /// <summary>
    /// One page of the tasks matching <paramref name="where"/>: the page is chosen from the tasks alone (the case is
    /// joined only when the filter names its kind), then its rows get their case's columns. Joining every matching
    /// task's case and reading its customer before the sort made the inbox's first page cost as much as all its pages.
    /// </summary>
    internal static string ListSql(string where, int pageSize, int page) =>
        $"select {Columns} from (select t.*{FromSql} where {where}{OrderSql}"
        + $" limit {pageSize} offset {(page - 1L) * pageSize}) t"
        + $" left join aftersales.cases c on c.id = t.case_id{OrderSql}";

    public async Task<TaskView?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"{SelectSql} where t.id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadTask(reader) : null;
    }

    /// <summary>
    /// Claims an open task for <paramref name="user"/> (claiming one's own claim again is fine). Answers false, changing
    /// nothing, when the task is claimed by someone else, completed or cancelled.
    /// </summary>
    public async Task<bool> ClaimAsync(string id, string user, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = user });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Puts a task claimed by <paramref name="claimedBy"/> back in its role's inbox (open, nobody's claim). Answers
    /// false, changing nothing, when the task is not claimed by that user any more (released, claimed again,
    /// completed).
    /// </summary>
    public async Task<bool> ReleaseAsync(string id, string claimedBy, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(ReleaseSql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = claimedBy });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    internal static TaskView ReadTask(NpgsqlDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateTimeOffset? At(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
        return new TaskView(r.GetString(0), S(1), S(2), S(3), S(4), S(5), r.GetString(6), r.GetString(7), S(8),
            S(9), r.GetString(10), S(11), r.GetFieldValue<string[]>(12), r.GetFieldValue<string[]>(22), At(13),
            r.GetString(14), S(15), At(16), S(17), At(18), S(19), r.IsDBNull(20) ? null : JsonNode.Parse(r.GetString(20)),
            r.GetFieldValue<DateTimeOffset>(21));
    }
}
