using System.Globalization;
using System.Text;
using AfterSales.Persistence.Mail;
using AfterSales.Persistence.Reports;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Jobs.Reports;

/// <summary>
/// On the 1st (and, as a no-op safety net, the 2nd and 3rd): the after-sales statistics of the month before, from
/// <c>case_costs</c>, mailed to the management office through the outbox once per month (event key
/// <c>monthly-statistics:2026-11</c>). Cost kinds map to the lines of the company's report in <see cref="Lines"/>;
/// a kind it does not know is counted under "other" and in the total.
/// </summary>
internal sealed class MonthlyStatisticsJob(ReportQueries reports, MailOutboxStore outbox, IOptions<JobsOptions> options,
    TimeProvider time, ILogger<MonthlyStatisticsJob> logger)
{
    public const string RecurringJobId = "monthly-statistics";
    public const string Role = "management_office";
    private const int ListedAtMost = 500;

    /// <summary>The report's lines and the <c>case_costs.kind</c> values each adds up; person-times are shown for the first two.</summary>
    internal static readonly IReadOnlyList<(string Line, string[] Kinds, bool PersonTimes)> Lines =
    [
        ("安装调试 Installation & commissioning", ["installation", "commissioning"], true),
        ("售后派工 Service dispatches", ["labour", "service", "travel"], true),
        ("材料费 Material", ["material"], false),
        ("运输费 Transport", ["transport"], false),
    ];

    public static string EventKey(ReportPeriod month) => $"monthly-statistics:{month.Key}";

    /// <summary>What the recurring job runs: the month before this one, in <see cref="JobsOptions.TimeZone"/>.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        QueueAsync(ReportPeriod.LastMonth(time.GetUtcNow(), options.Value.FindTimeZone()), cancellationToken);

    /// <summary>Queues the statistics of <paramref name="month"/> unless they were queued already; answers whether they were.</summary>
    public async Task<bool> QueueAsync(ReportPeriod month, CancellationToken cancellationToken)
    {
        var byKind = new Dictionary<string, (decimal Amount, long PersonTimes)>(StringComparer.Ordinal);
        foreach (var cost in await reports.CostsByKindAsync(month.Start, month.End, cancellationToken))
            byKind[cost.Kind] = (cost.Amount, cost.PersonTimes);

        var total = byKind.Values.Sum(v => v.Amount);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"售后月度统计 After-sales statistics {month.Key} ({month.Days}, {options.Value.TimeZone})")
            .AppendLine();
        foreach (var (line, kinds, personTimes) in Lines)
        {
            var amount = kinds.Sum(k => byKind.GetValueOrDefault(k).Amount);
            var times = kinds.Sum(k => byKind.GetValueOrDefault(k).PersonTimes);
            body.AppendLine(personTimes
                ? string.Create(CultureInfo.InvariantCulture, $"{line}: {times} 人次 person-times, {amount:N2}")
                : string.Create(CultureInfo.InvariantCulture, $"{line}: {amount:N2}"));
        }
        var known = Lines.SelectMany(l => l.Kinds).ToHashSet(StringComparer.Ordinal);
        var other = byKind.Where(k => !known.Contains(k.Key)).Sum(k => k.Value.Amount);
        if (other != 0) body.AppendLine(CultureInfo.InvariantCulture, $"其他 Other: {other:N2}");
        body.AppendLine(CultureInfo.InvariantCulture, $"售后总费用 Total after-sales cost: {total:N2}");

        var cases = await reports.CasesOfPeriodAsync(month.Start, month.End, ListedAtMost, cancellationToken);
        var listed = cases.Count;
        var projects = new StringBuilder();
        foreach (var c in cases)
            projects.AppendLine(CultureInfo.InvariantCulture,
                $"- {c.Number}  {c.Kind}  {c.Customer}  {c.Model}  {c.Status}  {c.Cost:N2}");
        body.AppendLine().AppendLine(listed == ListedAtMost
            ? $"本月项目清单 The month's cases (the first {ListedAtMost}):"
            : $"本月项目清单 The month's cases ({listed}):");
        body.Append(projects);

        var recipients = await outbox.RoleAddressesAsync(Role, cancellationToken);
        var subject = string.Create(CultureInfo.InvariantCulture, $"售后月度统计 After-sales statistics {month.Key}: total {total:N2}, {listed} cases");
        var queued = await outbox.QueueAsync(EventKey(month), null, recipients, subject, body.ToString(), time.GetUtcNow(), cancellationToken);
        if (queued) logger.LogInformation("Queued the monthly statistics {Month} for {Count} recipients", month.Key, recipients.Count);
        else logger.LogInformation("The monthly statistics {Month} were queued before: nothing to do", month.Key);
        return queued;
    }
}
