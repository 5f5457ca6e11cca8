using Npgsql;

namespace AfterSales.Persistence.Cases;

/// <summary>Writes to cases that do not go through a workflow: case numbers and costs.</summary>
public sealed class CaseService(NpgsqlDataSource dataSource, TimeProvider time)
{
    // One atomic statement: concurrent callers each get their own number. A number allocated for a case whose start then
    // fails is simply not used: numbers may have gaps, never duplicates.
    private const string NextNumberSql = """
        insert into aftersales.case_number_counters as c (year, last) values ($1, 1)
        on conflict (year) do update set last = c.last + 1
        returning last
        """;

    private const string AddCostSql = """
        with cost as (
            insert into aftersales.case_costs (case_id, kind, amount, person_times, note, at, recorded_by)
            select $1, $2, $3, $4, $5, $6, $7
            where exists (select from aftersales.cases where id = $1)
            returning id, case_id
        ),
        timeline as (
            insert into aftersales.case_events (case_id, at, kind, actor, text, data)
            select case_id, $6, 'cost', $7, 'Cost recorded: ' || $2 || ' ' || to_char($3, 'FM999999999990.00')
                || case when $4 > 0 then ' (' || $4 || ' person-times)' else '' end,
                jsonb_build_object('costId', id, 'kind', $2::text, 'amount', $3::numeric, 'personTimes', $4::int)
            from cost
        )
        select id from cost
        """;

    /// <summary>The next case number of the year, <c>AS-2026-000123</c>.</summary>
    public async Task<string> AllocateNumberAsync(CancellationToken ct = default)
    {
        var year = time.GetUtcNow().Year;
        await using var command = dataSource.CreateCommand(NextNumberSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
        var last = (int)(await command.ExecuteScalarAsync(ct))!;
        return $"AS-{year}-{last:D6}";
    }

    /// <summary>Books a cost on the case and writes it on the timeline; null when there is no such case.</summary>
    public async Task<CaseCostView?> AddCostAsync(string caseId, NewCaseCost cost, CancellationToken ct = default)
    {
        var at = time.GetUtcNow();
        var amount = Math.Round(cost.Amount, 2, MidpointRounding.AwayFromZero);
        await using var command = dataSource.CreateCommand(AddCostSql);
        command.Parameters.Add(new NpgsqlParameter { Value = caseId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = cost.Kind, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = amount, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Numeric });
        command.Parameters.Add(new NpgsqlParameter { Value = cost.PersonTimes, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)cost.Note ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = at, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)cost.RecordedBy ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var id = await command.ExecuteScalarAsync(ct);
        return id is long costId ? new CaseCostView(costId, cost.Kind, amount, cost.PersonTimes, cost.Note, at, cost.RecordedBy) : null;
    }
}
