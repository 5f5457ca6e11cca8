using Npgsql;
using static AfterSales.Persistence.Runtime.BatchSql;

namespace AfterSales.Persistence.Reports;

/// <summary>A cost kind's sum in a period.</summary>
public sealed record CostTotal(string Kind, decimal Amount, long PersonTimes);

/// <summary>A case of the month's statistics, with its cost booked in the month.</summary>
public sealed record MonthCase(string Number, string Kind, string Status, string Customer, string Model, decimal Cost);

/// <summary>The complaints of a week: opened, closed and escalated in it, and open at its end.</summary>
public sealed record ComplaintCounts(long Opened, long Closed, long Open, long Escalated);

/// <summary>A complaint open at a week's end.</summary>
public sealed record OpenComplaint(
    string Number, string Status, string Customer, DateTimeOffset CreatedAt, int EscalationLevel, string? Owner);

/// <summary>
/// The reports' reads of <c>cases</c>, <c>case_costs</c> and <c>case_events</c>, on the jobs' pool. Periods are
/// <c>[start, end)</c>.
/// </summary>
public sealed class ReportQueries(JobsDatabase database)
{
    private const string CostsSql = """
        select kind, coalesce(sum(amount), 0), coalesce(sum(person_times), 0)
        from aftersales.case_costs
        where at >= $1 and at < $2
        group by kind
        """;

    // The month's projects: cases opened or closed in the month, or with a cost booked in it.
    private const string MonthCasesSql = """
        select c.number, c.kind, c.status, coalesce(nullif(c.customer ->> 'company', ''), c.customer ->> 'name', ''),
               coalesce(c.product ->> 'model', ''), coalesce(sum(k.amount), 0)
        from aftersales.cases c
        left join aftersales.case_costs k on k.case_id = c.id and k.at >= $1 and k.at < $2
        where c.created_at >= $1 and c.created_at < $2 or c.closed_at >= $1 and c.closed_at < $2 or k.id is not null
        group by c.id
        order by c.number
        limit $3
        """;

    private const string ComplaintCountsSql = """
        select
            count(*) filter (where c.created_at >= $1 and c.created_at < $2),
            count(*) filter (where c.closed_at >= $1 and c.closed_at < $2),
            count(*) filter (where c.created_at < $2 and (c.closed_at is null or c.closed_at >= $2)),
            count(*) filter (where c.escalated_at >= $1 and c.escalated_at < $2
                or exists (select from aftersales.case_events e
                           where e.case_id = c.id and e.kind = 'escalation' and e.at >= $1 and e.at < $2))
        from aftersales.cases c
        where c.kind = 'complaint' and c.created_at < $2
        """;

    private const string OpenComplaintsSql = """
        select number, status, coalesce(nullif(customer ->> 'company', ''), customer ->> 'name', ''), created_at,
               escalation_level, owner
        from aftersales.cases
        where kind = 'complaint' and created_at < $2 and (closed_at is null or closed_at >= $2)
        order by created_at, number
        limit $3
        """;

    /// <summary>The costs booked in the period, summed per <c>case_costs.kind</c>.</summary>
    public async Task<IReadOnlyList<CostTotal>> CostsByKindAsync(DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken)
    {
        await using var command = Command(CostsSql, start, end, limit: null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var totals = new List<CostTotal>();
        while (await reader.ReadAsync(cancellationToken))
            totals.Add(new CostTotal(reader.GetString(0), reader.GetDecimal(1), reader.GetInt64(2)));
        return totals;
    }

    /// <summary>
    /// Cases opened or closed in the period, or with a cost booked in it, by number; at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<MonthCase>> CasesOfPeriodAsync(DateTimeOffset start, DateTimeOffset end, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = Command(MonthCasesSql, start, end, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cases = new List<MonthCase>();
        while (await reader.ReadAsync(cancellationToken))
            cases.Add(new MonthCase(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetDecimal(5)));
        return cases;
    }

    /// <summary>
    /// Complaints (<c>kind = 'complaint'</c>) opened, closed, open at the end, and escalated in the period
    /// (<c>escalated_at</c> in it, or an <c>escalation</c> case event in it).
    /// </summary>
    public async Task<ComplaintCounts> ComplaintCountsAsync(DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken)
    {
        await using var command = Command(ComplaintCountsSql, start, end, limit: null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ComplaintCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>Complaints open at the period's end, oldest first; at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<OpenComplaint>> OpenComplaintsAsync(DateTimeOffset start, DateTimeOffset end,
        int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(OpenComplaintsSql, start, end, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var open = new List<OpenComplaint>();
        while (await reader.ReadAsync(cancellationToken))
            open.Add(new OpenComplaint(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        return open;
    }

    private NpgsqlCommand Command(string sql, DateTimeOffset start, DateTimeOffset end, int? limit)
    {
        var command = database.Pool.CreateCommand(sql);
        command.Parameters.Add(Time(start));
        command.Parameters.Add(Time(end));
        if (limit is { } l) command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = l });
        return command;
    }
}
