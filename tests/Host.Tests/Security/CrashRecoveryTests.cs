using AfterSales.Host.Jobs;
using AfterSales.Host.Jobs.Mail;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Host.Tests.Jobs;
using AfterSales.TestSupport.Mail;
using AfterSales.TestSupport.Postgres;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Tests.Security;

/// <summary>Issue 7, finding 17: what a dead Host had claimed or fetched is done by a live one within 30 s, not 10 minutes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashRecoveryTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public void DefaultClaimAndInvisibility_LetALiveHostTakeOverWithin30Seconds()
    {
        var o = new JobsOptions();

        Assert.True(o.MailClaimTimeout + o.MailPollInterval <= Recovery, $"mail claim {o.MailClaimTimeout} + poll {o.MailPollInterval}");
        Assert.True(o.InvisibilityTimeout + o.QueuePollInterval <= Recovery, $"invisibility {o.InvisibilityTimeout} + queue poll {o.QueuePollInterval}");
        Assert.Empty(o.Validate());
    }

    [Fact]
    public async Task MailClaimedByADeadHost_IsSentByALiveOne_HalfAMinuteAfterTheClaim()
    {
        using var sink = new SmtpSink();
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("security_dead_claim"), JobsHost.FastJobs(sink.Port));
        var claim = host.Get<IOptions<JobsOptions>>().Value.MailClaimTimeout;

        // What a Host that claimed the row 30 s ago and died before its job ran leaves behind.
        var id = await MailOutboxTests.QueueAsync(host, "dead-claim:1", ["zhang@example.com"], "s", "b",
            claimedUntil: DateTimeOffset.UtcNow - Recovery + claim);

        await Eventually.HoldsAsync(async () => await host.ScalarAsync("select count(*) from aftersales.mail_outbox where id = $1 and status = 'sent'", id) == 1,
            TimeSpan.FromSeconds(15), "the live Host sends the mail");
        Assert.Single(sink.Messages());
    }

    [Fact]
    public async Task JobFetchedByADeadHost_RunsOnALiveOne_HalfAMinuteAfterTheFetch()
    {
        using var sink = new SmtpSink();
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("security_dead_fetch"), JobsHost.FastJobs(sink.Port));
        // Claimed far ahead, so only the job below sends it.
        var id = await MailOutboxTests.QueueAsync(host, "dead-fetch:1", ["zhang@example.com"], "s", "b", claimedUntil: DateTimeOffset.UtcNow.AddHours(1));

        // A job in a queue no server works, moved to the mail queue as fetched 30 s ago by a Host that then died.
        var jobId = host.Get<IBackgroundJobClient>().Create<SendMailJob>(job => job.SendAsync(id, CancellationToken.None), new EnqueuedState("dead_host"));
        await host.ExecuteAsync(
            $"update hangfire.jobqueue set queue = '{JobQueues.Default}', fetchedat = now() - interval '30 seconds' where jobid = $1", long.Parse(jobId));

        await Eventually.HoldsAsync(async () => await host.ScalarAsync("select count(*) from aftersales.mail_outbox where id = $1 and status = 'sent'", id) == 1,
            TimeSpan.FromSeconds(15), "a live Host's worker runs the dead Host's job");
        Assert.Single(sink.Messages());
    }
}
