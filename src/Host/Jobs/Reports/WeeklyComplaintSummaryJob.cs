using System.Globalization;
using System.Text;
using AfterSales.Host.Jobs.Mail;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Host.Jobs.Reports;

/// <summary>
/// Every Monday: the complaints of the week before (opened, closed, open at its end, escalated, and the open ones listed)
/// mailed to the after-sales manager through the outbox, once per week: the mail's event key is
/// <c>weekly-summary:2026-W47</c>, so a second run of the same week queues nothing.
/// </summary>
internal sealed class WeeklyComplaintSummaryJob(JobsDatabase database, MailOutbox outbox, IOptions<JobsOptions> options, TimeProvider time,
    ILogger<WeeklyComplaintSummaryJob> logger)
{
    public const string RecurringJobId = "weekly-complaint-summary";
    public const string Role = "aftersales_manager";
    private const int ListedAtMost = 50;

    private const string CountsSql = """
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

    private const string OpenSql = """
        select number, status, coalesce(nullif(customer ->> 'company', ''), customer ->> 'name', ''), created_at, escalation_level, owner
        from aftersales.cases
        where kind = 'complaint' and created_at < $2 and (closed_at is null or closed_at >= $2)
        order by created_at, number
        limit $3
        """;

    public static string EventKey(ReportPeriod week) => $"weekly-summary:{week.Key}";

    /// <summary>What the recurring job runs: the week before this one, in <see cref="JobsOptions.TimeZone"/>.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        QueueAsync(ReportPeriod.LastWeek(time.GetUtcNow(), options.Value.FindTimeZone()), cancellationToken);

    /// <summary>Queues the summary of <paramref name="week"/> unless it was queued already; answers whether it was.</summary>
    public async Task<bool> QueueAsync(ReportPeriod week, CancellationToken cancellationToken)
    {
        var zone = options.Value.FindTimeZone();
        long opened, closed, open, escalated;
        await using (var counts = database.Pool.CreateCommand(CountsSql))
        {
            counts.Parameters.Add(MailOutbox.Time(week.Start));
            counts.Parameters.Add(MailOutbox.Time(week.End));
            await using var reader = await counts.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (opened, closed, open, escalated) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"客诉周报 Weekly complaint summary {week.Key} ({week.Days}, {zone.Id})")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"新增 Opened:                {opened,6}")
            .AppendLine(CultureInfo.InvariantCulture, $"关闭 Closed:                {closed,6}")
            .AppendLine(CultureInfo.InvariantCulture, $"未结 Open at the week's end: {open,6}")
            .AppendLine(CultureInfo.InvariantCulture, $"升级 Escalated:             {escalated,6}");
        if (open > 0)
        {
            body.AppendLine().AppendLine(open > ListedAtMost
                ? $"未结客诉 Open complaints (the {ListedAtMost} oldest of {open}):"
                : "未结客诉 Open complaints (oldest first):");
            await using var list = database.Pool.CreateCommand(OpenSql);
            list.Parameters.Add(MailOutbox.Time(week.Start));
            list.Parameters.Add(MailOutbox.Time(week.End));
            list.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ListedAtMost });
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var since = TimeZoneInfo.ConvertTime(reader.GetFieldValue<DateTimeOffset>(3), zone);
                body.Append(CultureInfo.InvariantCulture, $"- {reader.GetString(0)}  {reader.GetString(2)}  {reader.GetString(1)}  since {since:yyyy-MM-dd}");
                if (reader.GetInt32(4) > 0) body.Append(CultureInfo.InvariantCulture, $"  escalation level {reader.GetInt32(4)}");
                if (!reader.IsDBNull(5)) body.Append(CultureInfo.InvariantCulture, $"  owner {reader.GetString(5)}");
                body.AppendLine();
            }
        }

        var recipients = await outbox.RoleAddressesAsync(Role, cancellationToken);
        var subject = $"客诉周报 Weekly complaint summary {week.Key}: {opened} opened, {closed} closed, {open} open, {escalated} escalated";
        var queued = await outbox.QueueAsync(EventKey(week), null, recipients, subject, body.ToString(), time.GetUtcNow(), cancellationToken);
        if (queued) logger.LogInformation("Queued the weekly complaint summary {Week} for {Count} recipients", week.Key, recipients.Count);
        else logger.LogInformation("The weekly complaint summary {Week} was queued before: nothing to do", week.Key);
        return queued;
    }
}
