using System.Globalization;
using System.Text;
using AfterSales.Persistence.Mail;
using AfterSales.Persistence.Reports;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Jobs.Reports;

/// <summary>
/// Every Monday: the complaints of the week before (opened, closed, open at its end, escalated, and the open ones listed)
/// mailed to the after-sales manager through the outbox, once per week: the mail's event key is
/// <c>weekly-summary:2026-W47</c>, so a second run of the same week queues nothing.
/// </summary>
internal sealed class WeeklyComplaintSummaryJob(ReportQueries reports, MailOutboxStore outbox,
    IOptions<JobsOptions> options, TimeProvider time, ILogger<WeeklyComplaintSummaryJob> logger)
{
    public const string RecurringJobId = "weekly-complaint-summary";
    public const string Role = "aftersales_manager";
    private const int ListedAtMost = 50;

    public static string EventKey(ReportPeriod week) => $"weekly-summary:{week.Key}";

    /// <summary>What the recurring job runs: the week before this one, in <see cref="JobsOptions.TimeZone"/>.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        QueueAsync(ReportPeriod.LastWeek(time.GetUtcNow(), options.Value.FindTimeZone()), cancellationToken);

    /// <summary>Queues the summary of <paramref name="week"/> unless it was queued already; answers whether it was.</summary>
    public async Task<bool> QueueAsync(ReportPeriod week, CancellationToken cancellationToken)
    {
        var zone = options.Value.FindTimeZone();
        var (opened, closed, open, escalated) =
            await reports.ComplaintCountsAsync(week.Start, week.End, cancellationToken);

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
            foreach (var c in await reports.OpenComplaintsAsync(week.Start, week.End, ListedAtMost, cancellationToken))
            {
                var since = TimeZoneInfo.ConvertTime(c.CreatedAt, zone);
                body.Append(CultureInfo.InvariantCulture,
                    $"- {c.Number}  {c.Customer}  {c.Status}  since {since:yyyy-MM-dd}");
                if (c.EscalationLevel > 0)
                    body.Append(CultureInfo.InvariantCulture, $"  escalation level {c.EscalationLevel}");
                if (c.Owner is not null) body.Append(CultureInfo.InvariantCulture, $"  owner {c.Owner}");
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
