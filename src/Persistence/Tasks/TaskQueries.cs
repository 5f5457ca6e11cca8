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

    internal const string SelectSql = """
        select t.id, t.case_id, c.number, t.instance_id, t.activity_id, t.role, t.assignee, t.title, t.form, t.outcomes, t.due_at, t.status,
            t.claimed_by, t.claimed_at, t.completed_by, t.completed_at, t.outcome, t.form_data, t.created_at
        from aftersales.tasks t left join aftersales.cases c on c.id = t.case_id
        """;

    // Claiming is a transition from open (or a repeat by the same user); anything else is refused by the caller from
    // the task as it is now.
    private const string ClaimSql = """
        update aftersales.tasks set status = 'claimed', claimed_by = $2, claimed_at = coalesce(claimed_at, $3)
        where id = $1 and (status = 'open' or status = 'claimed' and claimed_by = $2)
        """;

    /// <summary>Tasks matching the filter: those due first first, then the oldest.</summary>
    public async Task<Page<TaskView>> ListAsync(TaskFilter filter, CancellationToken ct = default)
    {
        var page = Math.Max(1, filter.Page);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var where = new StringBuilder("true");
        var parameters = new List<NpgsqlParameter>();
        void Where(string column, string value)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Text });
            where.Append($" and {column} = ${parameters.Count}");
        }
        if (filter.Role is { } role) Where("t.role", role);
        if (filter.Status is { } status) Where("t.status", status);
        if (filter.CaseId is { } caseId) Where("t.case_id", caseId);
        if (filter.Assignee is { } assignee) Where("t.assignee", assignee);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        long total;
        await using (var count = new NpgsqlCommand($"select count(*) from aftersales.tasks t where {where}", connection))
        {
            count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        var items = new List<TaskView>();
        if (total > 0)
        {
            await using var list = new NpgsqlCommand(
                $"{SelectSql} where {where} order by t.due_at nulls last, t.created_at, t.id limit {pageSize} offset {(page - 1L) * pageSize}", connection);
            list.Parameters.AddRange(parameters.ToArray());
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) items.Add(ReadTask(reader));
        }
        return new Page<TaskView>(items, page, pageSize, total);
    }

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

    internal static TaskView ReadTask(NpgsqlDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateTimeOffset? At(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
        return new TaskView(r.GetString(0), S(1), S(2), r.GetString(3), r.GetString(4), S(5), S(6), r.GetString(7), S(8),
            r.GetFieldValue<string[]>(9), At(10), r.GetString(11), S(12), At(13), S(14), At(15), S(16),
            r.IsDBNull(17) ? null : JsonNode.Parse(r.GetString(17)), r.GetFieldValue<DateTimeOffset>(18));
    }
}
