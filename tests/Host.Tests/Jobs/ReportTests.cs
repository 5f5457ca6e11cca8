using AfterSales.Host.Jobs.Reports;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Mail;
using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Host.Tests.Jobs;

/// <summary>The recurring reports: queued into the outbox once per period, sent by the outbox.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReportTests(PostgresFixture postgres)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task WeeklySummary_QueuesOneMailPerWeek_EvenWhenRunTwice_AndTheOutboxSendsIt()
    {
        using var sink = new SmtpSink();
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_weekly"), JobsHost.FastJobs(sink.Port));
        await AddCaseAsync(host, "c1", "complaint", "2026-11-17T10:00:00+08:00");
        await AddCaseAsync(host, "c2", "complaint", "2026-11-10T10:00:00+08:00", closedAt: "2026-11-18T09:00:00+08:00");
        await AddCaseAsync(host, "c3", "complaint", "2026-11-12T10:00:00+08:00", escalatedAt: "2026-11-19T09:00:00+08:00");
        await AddCaseAsync(host, "c4", "return_item", "2026-11-17T10:00:00+08:00");
        await AddCaseAsync(host, "c5", "complaint", "2026-11-22T23:30:00+08:00"); // Sunday night in Shanghai: in the week
        await AddCaseAsync(host, "c6", "complaint", "2026-11-23T00:30:00+08:00"); // Monday in Shanghai, still Sunday in UTC: not in it
        var week = ReportPeriod.Week(new DateOnly(2026, 11, 16), Shanghai);
        var job = host.Get<WeeklyComplaintSummaryJob>();

        Assert.True(await job.QueueAsync(week, CancellationToken.None));
        Assert.False(await job.QueueAsync(week, CancellationToken.None));

        Assert.Equal(1, await host.ScalarAsync("select count(*) from aftersales.mail_outbox where event_key = 'weekly-summary:2026-W47'"));
        await Eventually.HoldsAsync(async () => await host.ScalarAsync(
                "select count(*) from aftersales.mail_outbox where event_key = 'weekly-summary:2026-W47' and status = 'sent'") == 1,
            TimeSpan.FromSeconds(15), "the summary is sent");
        var mail = Assert.Single(sink.Messages());
        Assert.Equal(["aftersales_manager@aftersales.local"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("客诉周报 Weekly complaint summary 2026-W47: 2 opened, 1 closed, 3 open, 1 escalated", mail.Subject);
        Assert.Contains("2026-11-16 – 2026-11-22", mail.TextBody);
        Assert.Contains("AS-TEST-c3", mail.TextBody);
        Assert.Contains("escalation level 1", mail.TextBody);
        Assert.DoesNotContain("AS-TEST-c2", mail.TextBody);
        Assert.DoesNotContain("AS-TEST-c6", mail.TextBody);
    }

    [Fact]
    public async Task MonthlyStatistics_AddUpTheMonthsCostsByLine_AndAreQueuedOncePerMonth()
    {
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_monthly"), JobsHost.FastJobs(SmtpSink.FreePort()));
        await AddCaseAsync(host, "m1", "complaint", "2026-09-20T10:00:00+08:00");
        await AddCaseAsync(host, "m2", "special_order", "2026-10-03T10:00:00+08:00");
        await AddCaseAsync(host, "m3", "return_goods", "2026-08-01T10:00:00+08:00");
        await AddCostAsync(host, "m1", "labour", 800m, 2, "2026-10-05T10:00:00+08:00");
        await AddCostAsync(host, "m1", "travel", 200m, 0, "2026-10-05T10:00:00+08:00");
        await AddCostAsync(host, "m1", "transport", 60m, 0, "2026-10-31T23:00:00+08:00");
        await AddCostAsync(host, "m2", "installation", 300m, 1, "2026-10-08T10:00:00+08:00");
        await AddCostAsync(host, "m2", "material", 150.5m, 0, "2026-10-08T10:00:00+08:00");
        await AddCostAsync(host, "m2", "misc", 10m, 0, "2026-10-09T10:00:00+08:00");
        await AddCostAsync(host, "m3", "material", 999m, 0, "2026-11-01T00:30:00+08:00"); // November in Shanghai
        var month = ReportPeriod.Month(new DateOnly(2026, 10, 1), Shanghai);
        var job = host.Get<MonthlyStatisticsJob>();

        Assert.True(await job.QueueAsync(month, CancellationToken.None));
        Assert.False(await job.QueueAsync(month, CancellationToken.None));

        var (subject, body, recipients) = await ReadMailAsync(host, "monthly-statistics:2026-10");
        Assert.Equal(["management_office@aftersales.local"], recipients);
        Assert.Equal("售后月度统计 After-sales statistics 2026-10: total 1,520.50, 2 cases", subject);
        Assert.Contains("安装调试 Installation & commissioning: 1 人次 person-times, 300.00", body);
        Assert.Contains("售后派工 Service dispatches: 2 人次 person-times, 1,000.00", body);
        Assert.Contains("材料费 Material: 150.50", body);
        Assert.Contains("运输费 Transport: 60.00", body);
        Assert.Contains("其他 Other: 10.00", body);
        Assert.Contains("售后总费用 Total after-sales cost: 1,520.50", body);
        Assert.Contains("- AS-TEST-m1  complaint", body);
        Assert.Contains("- AS-TEST-m2  special_order", body);
        Assert.DoesNotContain("AS-TEST-m3", body);
    }

    [Theory]
    [InlineData("2026-11-22T16:30:00Z", "2026-W47", "2026-11-16")] // Monday 00:30 in Shanghai
    [InlineData("2026-11-22T15:59:00Z", "2026-W46", "2026-11-09")] // Sunday 23:59 in Shanghai
    [InlineData("2027-01-04T01:00:00Z", "2026-W53", "2026-12-28")] // ISO week years
    public void LastWeek_IsTheIsoWeekBeforeTodayInTheReportsTimeZone(string now, string key, string monday)
    {
        var week = ReportPeriod.LastWeek(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Shanghai);

        Assert.Equal(key, week.Key);
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), week.FirstDay);
        Assert.Equal(TimeSpan.FromHours(8), week.Start.Offset);
        Assert.Equal(TimeSpan.FromDays(7), week.End - week.Start);
    }

    [Theory]
    [InlineData("2026-11-30T16:10:00Z", "2026-11")] // 1 December 00:10 in Shanghai
    [InlineData("2026-11-30T15:50:00Z", "2026-10")] // still 30 November there
    [InlineData("2027-01-02T00:00:00Z", "2026-12")]
    public void LastMonth_IsTheCalendarMonthBeforeTodayInTheReportsTimeZone(string now, string key) =>
        Assert.Equal(key, ReportPeriod.LastMonth(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Shanghai).Key);

    private static async Task AddCaseAsync(JobsHost host, string id, string kind, string createdAt, string? closedAt = null, string? escalatedAt = null)
    {
        await using var command = host.Database.CreateCommand("""
            insert into aftersales.cases (id, number, kind, channel, customer, product, hosts, accessories, status, escalation_level, escalated_at,
                                          created_at, updated_at, closed_at)
            values ($1, 'AS-TEST-' || $1, $2, 'phone', '{"name": "张三", "company": "上海某某电子有限公司"}', '{"model": "X-100"}', 0, 0,
                    case when $4::timestamptz is null then 'open' else 'closed' end, case when $5::timestamptz is null then 0 else 1 end, $5,
                    $3, $3, $4)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(Time(createdAt));
        command.Parameters.Add(Time(closedAt));
        command.Parameters.Add(Time(escalatedAt));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task AddCostAsync(JobsHost host, string caseId, string kind, decimal amount, int personTimes, string at)
    {
        await using var command = host.Database.CreateCommand(
            "insert into aftersales.case_costs (case_id, kind, amount, person_times, at) values ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = amount });
        command.Parameters.Add(new NpgsqlParameter { Value = personTimes });
        command.Parameters.Add(Time(at));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(string Subject, string Body, string[] Recipients)> ReadMailAsync(JobsHost host, string eventKey)
    {
        await using var command = host.Database.CreateCommand("select subject, body, recipients from aftersales.mail_outbox where event_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = eventKey });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no mail {eventKey} is queued");
        return (reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2));
    }

    private static NpgsqlParameter Time(string? value) => new()
    {
        NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz,
        Value = value is null ? DBNull.Value : DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(),
    };
}
