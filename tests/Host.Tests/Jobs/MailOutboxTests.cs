using AfterSales.Host.Jobs.Mail;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Mail;
using AfterSales.TestSupport.Postgres;
using MimeKit;

namespace AfterSales.Host.Tests.Jobs;

/// <summary>The mail outbox sent by Hangfire jobs to a real SMTP server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MailOutboxTests(PostgresFixture postgres)
{
    [Fact]
    public async Task PendingMail_IsSentWithItsOutboxMessageId_AndMarkedSent()
    {
        using var sink = new SmtpSink();
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_mail_sent"), JobsHost.FastJobs(sink.Port));

        var id = await QueueAsync(host, "case-1:escalate:1", ["王经理 <wang@example.com>", "li@example.com"], "客诉 AS-2026-000001 已升级", "请尽快处理。");

        await Eventually.HoldsAsync(async () => await StatusAsync(host, id) == "sent", TimeSpan.FromSeconds(15), "the mail is marked sent");
        var mail = Assert.Single(sink.Messages());
        Assert.Equal($"outbox-{id}@aftersales", mail.MessageId);
        Assert.Equal("客诉 AS-2026-000001 已升级", mail.Subject);
        Assert.Equal(["wang@example.com", "li@example.com"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("case-1:escalate:1", mail.Headers["X-AfterSales-Event"]);
        Assert.Equal(1, await host.ScalarAsync("select attempts from aftersales.mail_outbox where id = $1", id));
        Assert.Equal(1, await host.ScalarAsync(
            "select count(*) from aftersales.mail_outbox where id = $1 and sent_at is not null and message_id = $2 and last_error is null",
            id, SendMailJob.MessageId(id)));
    }

    [Fact]
    public async Task FailedSend_IsRetriedByHangfire_AndTheMailArrivesOnce_WhenTheServerComesUp()
    {
        var port = SmtpSink.FreePort(); // nobody listens yet
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_mail_retried"), JobsHost.FastJobs(port));

        var id = await QueueAsync(host, "retry:1", ["zhang@example.com"], "回访提醒", "请回访客户。");
        await Eventually.HoldsAsync(async () => await host.ScalarAsync("select attempts from aftersales.mail_outbox where id = $1", id) >= 2,
            TimeSpan.FromSeconds(20), "two failed attempts are recorded");
        Assert.Equal("pending", await StatusAsync(host, id));
        Assert.Equal(1, await host.ScalarAsync($"select count(*) from aftersales.mail_outbox where id = $1 and last_error like '%:{port}%'", id));

        using var sink = SmtpSink.OnPort(port);
        await Eventually.HoldsAsync(async () => await StatusAsync(host, id) == "sent", TimeSpan.FromSeconds(20), "the mail is sent once the server is up");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to arrive, were there one

        Assert.Single(sink.Messages(), m => m.MessageId == $"outbox-{id}@aftersales");
        Assert.True(await host.ScalarAsync(
            "select count(*) from hangfire.state s join hangfire.job j on j.id = s.jobid where j.invocationdata::text like '%SendMailJob%' and s.reason like 'Retry attempt%'") >= 1,
            "Hangfire scheduled the retries");
    }

    [Fact]
    public async Task Mail_IsFailed_AfterItsLastAttempt()
    {
        var settings = JobsHost.FastJobs(SmtpSink.FreePort());
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Jobs:MailRetryDelays:", StringComparison.Ordinal) && !k.EndsWith(":0", StringComparison.Ordinal)).ToList())
            settings.Remove(key);
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_mail_failed"), settings);

        var id = await QueueAsync(host, "fail:1", ["zhang@example.com"], "s", "b");

        await Eventually.HoldsAsync(async () => await StatusAsync(host, id) == "failed", TimeSpan.FromSeconds(20), "the mail is failed");
        Assert.Equal(2, await host.ScalarAsync("select attempts from aftersales.mail_outbox where id = $1", id));
        Assert.Equal(1, await host.ScalarAsync("select count(*) from aftersales.mail_outbox where id = $1 and last_error is not null and next_attempt_at is null", id));
        await Eventually.HoldsAsync(async () => await host.ScalarAsync(
                "select count(*) from hangfire.job where invocationdata::text like '%SendMailJob%' and statename = 'Failed'") == 1,
            TimeSpan.FromSeconds(5), "Hangfire shows the job failed");
    }

    [Fact]
    public async Task Mail_IsSentOnce_WhenTwoJobsSendItAtTheSameMoment_AndNeverOnceSent()
    {
        using var sink = new SmtpSink();
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_mail_once"), JobsHost.FastJobs(sink.Port));
        // Claimed far ahead, so the pump leaves it to the jobs run here.
        var id = await QueueAsync(host, "once:1", ["zhang@example.com"], "s", "b", claimedUntil: DateTimeOffset.UtcNow.AddHours(1));

        await Task.WhenAll(host.Get<SendMailJob>().SendAsync(id, CancellationToken.None), host.Get<SendMailJob>().SendAsync(id, CancellationToken.None));
        await host.Get<SendMailJob>().SendAsync(id, CancellationToken.None);

        Assert.Single(sink.Messages());
        Assert.Equal("sent", await StatusAsync(host, id));
        Assert.Equal(1, await host.ScalarAsync("select attempts from aftersales.mail_outbox where id = $1", id));
    }

    [Fact]
    public async Task MailWithoutRecipients_IsFailedWithoutTalkingToTheServer()
    {
        using var sink = new SmtpSink();
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_mail_nobody"), JobsHost.FastJobs(sink.Port));

        var id = await QueueAsync(host, "nobody:1", [], "s", "b");

        await Eventually.HoldsAsync(async () => await StatusAsync(host, id) == "failed", TimeSpan.FromSeconds(15), "the mail is failed");
        Assert.Empty(sink.Messages());
        Assert.Equal(1, await host.ScalarAsync("select count(*) from aftersales.mail_outbox where id = $1 and last_error like '%no recipient%'", id));
    }

    internal static async Task<long> QueueAsync(JobsHost host, string eventKey, string[] recipients, string subject, string body,
        DateTimeOffset? claimedUntil = null)
    {
        await using var command = host.Database.CreateCommand("""
            insert into aftersales.mail_outbox (event_key, case_id, recipients, subject, body, status, attempts, next_attempt_at, created_at)
            values ($1, null, $2, $3, $4, 'pending', 0, $5, now())
            returning id
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = eventKey });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = recipients });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = subject });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = body });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = (object?)claimedUntil ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> StatusAsync(JobsHost host, long id)
    {
        await using var command = host.Database.CreateCommand("select status from aftersales.mail_outbox where id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
