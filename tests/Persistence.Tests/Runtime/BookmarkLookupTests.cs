using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using static AfterSales.Persistence.Tests.Infrastructure.TestWorkflows;

namespace AfterSales.Persistence.Tests.Runtime;

public sealed class BookmarkLookupTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Fact]
    public async Task Signal_WithAKey_ResumesOnlyTheInstanceWaitingOnThatKey()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var mine = await StartAsync("complaint", correlationId: "AS-1");
        var other = await StartAsync("complaint", correlationId: "AS-2");

        var ran = await Host.Runtime.SignalAsync(Signal, "AS-1", Reply());

        Assert.Equal(1, ran);
        Assert.Equal(WorkflowStatus.Completed, (await Host.Instances.FindAsync(mine.Id))!.Status);
        Assert.Equal(WorkflowStatus.Suspended, (await Host.Instances.FindAsync(other.Id))!.Status);
        Assert.Equal(0, await Host.Runtime.SignalAsync(Signal, "AS-1", Reply()));
    }

    [Fact]
    public async Task FindBookmarks_WithoutAKey_FindsEveryInstanceWaitingOnTheName()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var first = await StartAsync("complaint", correlationId: "AS-1");
        var second = await StartAsync("complaint", correlationId: "AS-2");
        await PublishAsync(Waits("return_item", "PT1H"));
        await StartAsync("return_item");

        var found = await Host.Instances.FindBookmarksAsync("Signal:" + Signal, null);

        Assert.Equal(new[] { first.Id, second.Id }.Order(), found.Select(b => b.InstanceId).Order());
        Assert.Empty(await Host.Instances.FindBookmarksAsync("Signal:" + Signal, "AS-3"));
    }

    [Fact]
    public async Task ResumeDueTimers_ResumesOnlyTimersThatAreDue()
    {
        await PublishAsync(Waits("return_item", "PT1H"));
        var instance = await StartAsync("return_item");

        Assert.Equal(0, await Host.Runtime.ResumeDueTimersAsync(Time.GetUtcNow()));
        Time.Advance(TimeSpan.FromMinutes(61));
        var ran = await Host.Runtime.ResumeDueTimersAsync(Time.GetUtcNow());

        Assert.Equal(1, ran);
        Assert.Equal(WorkflowStatus.Completed, (await Host.Instances.FindAsync(instance.Id))!.Status);
        Assert.Empty(await Host.Instances.FindDueBookmarksAsync(Time.GetUtcNow().AddYears(1), 10));
    }

    [Fact]
    public async Task FindDueBookmarks_GivesTheEarliestFirst_UpToTheLimit()
    {
        await PublishAsync(Waits("in-3h", "PT3H"));
        await PublishAsync(Waits("in-1h", "PT1H"));
        await PublishAsync(Waits("in-2h", "PT2H"));
        var late = await StartAsync("in-3h");
        var early = await StartAsync("in-1h");
        var middle = await StartAsync("in-2h");
        await PublishAsync(WaitsForReply("complaint"));
        await StartAsync("complaint");

        var due = await Host.Instances.FindDueBookmarksAsync(Time.GetUtcNow().AddHours(5), limit: 2);

        Assert.Equal([early.Id, middle.Id], due.Select(b => b.InstanceId));
        Assert.Equal([Time.GetUtcNow().AddHours(1), Time.GetUtcNow().AddHours(2)], due.Select(b => b.DueAt!.Value));
        Assert.Equal(late.Bookmarks.Single().Id, (await Host.Instances.FindDueBookmarksAsync(Time.GetUtcNow().AddHours(5), 3))[2].BookmarkId);
    }
}
