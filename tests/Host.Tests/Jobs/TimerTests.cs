using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Host.Tests.Jobs;

/// <summary>Workflow timers fired by Hangfire jobs, with the real clock.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TimerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Delay_IsResumedByAHangfireJob_WithinSecondsOfItsDueTime_WithTheDefaultPollInterval()
    {
        var settings = JobsHost.FastJobs();
        settings.Remove("Jobs:TimerPollInterval");
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_delay"), settings);
        await host.PublishAsync(JobWorkflows.Delay("wait-2s", "2s"));

        var instance = await host.StartWaitingAsync("wait-2s");
        var due = instance.Bookmarks.Single().DueAt!.Value;
        await Eventually.HoldsAsync(async () => (await host.Instances.FindAsync(instance.Id))!.Status == WorkflowStatus.Completed,
            TimeSpan.FromSeconds(15), "the instance completed");

        var finished = (await host.Instances.FindAsync(instance.Id))!.FinishedAt!.Value;
        // Typically under a second (a poll interval at most, plus the job); the margin is for a loaded test machine.
        Assert.InRange(finished - due, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        await Eventually.HoldsAsync(async () => await host.ScalarAsync(
                "select count(*) from hangfire.job where invocationdata::text like '%FireTimersJob%' and statename = 'Succeeded'") == 1,
            TimeSpan.FromSeconds(5), "one FireTimers job succeeded");
    }

    [Fact]
    public async Task DueTimers_AreResumedOnce_WithTwoHostsOnOneDatabase()
    {
        var database = await postgres.CreateDatabaseAsync("jobs_two_hosts");
        await using var a = JobsHost.Start(database);
        await using var b = JobsHost.Start(database);
        await a.PublishAsync(JobWorkflows.Delay("wait-1s", "1s"));

        var ids = new List<string>();
        foreach (var chunk in Enumerable.Range(0, 300).Chunk(25))
            ids.AddRange((await Task.WhenAll(chunk.Select(i => (i % 2 == 0 ? a : b).StartWaitingAsync("wait-1s")))).Select(x => x.Id));

        await Eventually.HoldsAsync(async () => await a.ScalarAsync(
                "select count(*) from aftersales.workflow_instances where definition_id = 'wait-1s' and status = 'Completed'") == ids.Count,
            TimeSpan.FromSeconds(30), "every instance completed");
        // A bookmark resumed twice would have written a second Resumed entry.
        Assert.Equal(ids.Count, await a.ScalarAsync("select count(*) from aftersales.workflow_journal where kind = 'Resumed'"));
        Assert.Equal(0, await a.ScalarAsync("select count(*) from aftersales.workflow_bookmarks"));
        Assert.Single(new[] { a, b }, h => h.TimerPump.IsLeader);
    }

    [Fact]
    public async Task DueTimers_AreResumedByTheOtherHost_WhenTheLeadingHostStops()
    {
        var database = await postgres.CreateDatabaseAsync("jobs_leader_stops");
        var first = JobsHost.Start(database);
        await Eventually.HoldsAsync(() => Task.FromResult(first.TimerPump.IsLeader), TimeSpan.FromSeconds(5), "the first Host leads");
        await using var second = JobsHost.Start(database);
        await second.PublishAsync(JobWorkflows.Delay("wait-2s", "2s"));
        var instances = new List<WorkflowInstance>();
        for (var i = 0; i < 20; i++) instances.Add(await second.StartWaitingAsync("wait-2s"));

        await first.DisposeAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(second.TimerPump.IsLeader), TimeSpan.FromSeconds(5), "the second Host leads");
        await Eventually.HoldsAsync(async () => await second.ScalarAsync(
                "select count(*) from aftersales.workflow_instances where status = 'Completed'") == instances.Count,
            TimeSpan.FromSeconds(15), "every instance completed");
        Assert.Equal(instances.Count, await second.ScalarAsync("select count(*) from aftersales.workflow_journal where kind = 'Resumed'"));
    }

    [Fact]
    public async Task DueTimer_IsResumed_WhenTheInjectedClockPassesItsDueTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_fake_clock"), services: s => s.AddSingleton<TimeProvider>(clock));
        await host.PublishAsync(JobWorkflows.Delay("wait-24h", "24h"));
        var instance = await host.StartWaitingAsync("wait-24h");
        Assert.Equal(clock.GetUtcNow().AddHours(24), instance.Bookmarks.Single().DueAt);

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(WorkflowStatus.Suspended, (await host.Instances.FindAsync(instance.Id))!.Status);
        clock.Advance(TimeSpan.FromHours(24));

        await Eventually.HoldsAsync(async () => (await host.Instances.FindAsync(instance.Id))!.Status == WorkflowStatus.Completed,
            TimeSpan.FromSeconds(10), "the instance completed once the clock passed its due time");
    }

    [Fact]
    public async Task DueTimer_IsNotResumedBeforeItsDueTime()
    {
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("jobs_not_early"));
        await host.PublishAsync(JobWorkflows.Delay("wait-1h", "1h"));
        await host.PublishAsync(JobWorkflows.Delay("wait-1s", "1s"));
        var instance = await host.StartWaitingAsync("wait-1h");
        var sooner = await host.StartWaitingAsync("wait-1s");

        // Without this a dead pump would pass: the timer due sooner fires, so the pump has read the due timers after
        // the later one was set.
        await Eventually.HoldsAsync(
            async () => (await host.Instances.FindAsync(sooner.Id))!.Status == WorkflowStatus.Completed,
            TimeSpan.FromSeconds(10), "the timer due in a second fired (the pump runs)");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several pump rounds

        Assert.Equal(WorkflowStatus.Suspended, (await host.Instances.FindAsync(instance.Id))!.Status);
        Assert.Equal(0, await host.ScalarAsync(FireTimersJobsFor, instance.Id));
        Assert.Equal(1, await host.ScalarAsync(FireTimersJobsFor, sooner.Id)); // the query finds a job by its instance
    }

    private const string FireTimersJobsFor = """
        select count(*) from hangfire.job
        where invocationdata::text like '%FireTimersJob%' and arguments::text like '%' || $1 || '%'
        """;
}
