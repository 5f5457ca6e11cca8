using Npgsql;

namespace AfterSales.Persistence.Cases;

/// <summary>Writes to cases that do not go through a workflow: case numbers and costs.</summary>
public sealed class CaseService(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>How long an <c>Idempotency-Key</c> answers its first case: a day covers any client's retries.</summary>
    public static readonly TimeSpan RequestKeyLifetime = TimeSpan.FromHours(24);

    // Only a proposal: the counter advances with the case (CaseCommands.Open), and a number taken meanwhile fails that
    // write on the unique index, so the opener proposes again. A refused case leaves the counter as it was.
    // Past the number refused last as well: a proposal never repeats a number found taken, so a counter left behind the
    // cases (restored data, a hand edit) heals instead of failing every opener.
    private const string NextNumberSql =
        "select greatest(coalesce((select last from aftersales.case_number_counters where year = $1), 0), $2) + 1";

    private const string FindKeySql = """
        select request_hash, case_id from aftersales.case_request_keys where user_name = $1 and key = $2 and created_at >= $3
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

    /// <summary>The number the next case of the year would take, <c>AS-2026-000123</c>; see <see cref="CaseNumbers"/>.</summary>
    /// <summary>The year's next case number; after <paramref name="taken"/> (a number found taken) when one is given.</summary>
    public async Task<string> ProposeNumberAsync(string? taken = null, CancellationToken ct = default)
    {
        var year = time.GetUtcNow().Year;
        var after = taken is not null && CaseNumbers.Parse(taken) is var (takenYear, sequence) && takenYear == year ? sequence : 0;
        await using var command = dataSource.CreateCommand(NextNumberSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = after });
        var next = (int)(await command.ExecuteScalarAsync(ct))!;
        return CaseNumbers.Format(year, next);
    }

    /// <summary>The case a live <c>Idempotency-Key</c> of this user opened, with the hash of the body it came with; null when none.</summary>
    public async Task<(string RequestHash, string CaseId)?> FindRequestKeyAsync(string userName, string key, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(FindKeySql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = userName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = (time.GetUtcNow() - RequestKeyLifetime).ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetString(1)) : null;
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
