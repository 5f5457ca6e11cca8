using AfterSales.Persistence.Instances;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using static AfterSales.Persistence.Tests.Infrastructure.TestWorkflows;

namespace AfterSales.Persistence.Tests.Instances;

public sealed class WorkflowInstanceQueriesTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private WorkflowInstanceQueries Queries => Host.Queries;

    [Fact]
    public async Task List_FiltersByDefinitionStatusAndCorrelation_NewestFirst()
    {
        await PublishAsync(WaitsForReply("complaint"));
        await PublishAsync(Waits("return_item", "PT1H"));
        var a = await StartAsync("complaint", "AS-1");
        Time.Advance(TimeSpan.FromSeconds(1));
        var b = await StartAsync("complaint", "AS-2");
        Time.Advance(TimeSpan.FromSeconds(1));
        var c = await StartAsync("return_item", "AS-1");
        await Host.Runtime.SignalAsync(Signal, "AS-2", Reply());

        Assert.Equal([c.Id, b.Id, a.Id], Ids(await Queries.ListAsync(new InstanceFilter())));
        Assert.Equal([b.Id, a.Id], Ids(await Queries.ListAsync(new InstanceFilter(DefinitionId: "complaint"))));
        Assert.Equal([c.Id, a.Id], Ids(await Queries.ListAsync(new InstanceFilter(CorrelationId: "AS-1"))));
        Assert.Equal([b.Id], Ids(await Queries.ListAsync(new InstanceFilter(Status: "Completed"))));
        Assert.Equal([a.Id], Ids(await Queries.ListAsync(new InstanceFilter("complaint", "suspended", "AS-1"))));
        Assert.Empty(Ids(await Queries.ListAsync(new InstanceFilter(Status: "Sleeping"))));
    }

    [Fact]
    public async Task List_PagesThroughTheMatches_WithTheirTotal()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add((await StartAsync("complaint")).Id);
            Time.Advance(TimeSpan.FromSeconds(1));
        }
        started.Reverse();

        var first = await Queries.ListAsync(new InstanceFilter(PageSize: 2));
        var last = await Queries.ListAsync(new InstanceFilter(Page: 3, PageSize: 2));
        var beyond = await Queries.ListAsync(new InstanceFilter(Page: 4, PageSize: 2));

        Assert.Equal((1, 2, 5L), (first.PageNumber, first.PageSize, first.Total));
        Assert.Equal(started.Take(2), Ids(first));
        Assert.Equal(started.Skip(4), Ids(last));
        Assert.Equal((4, 5L), (beyond.PageNumber, beyond.Total));
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task List_SummarisesEachInstance()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var instance = await StartAsync("complaint", "AS-9");

        var summary = Assert.Single((await Queries.ListAsync(new InstanceFilter())).Items);

        Assert.Equal(new InstanceSummary(instance.Id, "complaint", 1, "Suspended", "AS-9", Time.GetUtcNow(), Time.GetUtcNow(), null), summary);
    }

    [Fact]
    public async Task Get_GivesStateBookmarksJournalAndIncidents()
    {
        await PublishAsync(WaitsForReply("complaint"));
        await PublishAsync(Faults("broken"));
        var waiting = await StartAsync("complaint", "AS-1");
        var faulted = await StartAsync("broken");

        var details = await Queries.GetAsync(waiting.Id);
        var broken = await Queries.GetAsync(faulted.Id);

        Assert.Equal((waiting.Id, "Suspended"), (details!.Summary.Id, details.Summary.Status));
        Assert.Equal(waiting.Id, details.State.Id);
        Assert.Equal(waiting.Bookmarks.Single().Id, Assert.Single(details.Bookmarks).Id);
        Assert.Equal(["start", "wait"], details.Journal.Select(j => j.ActivityId));
        Assert.Empty(details.Incidents);
        Assert.Equal("Faulted", broken!.Summary.Status);
        Assert.Equal("set", Assert.Single(broken.Incidents).ActivityId);
        Assert.Equal("Faulted", broken.Journal.Last().Kind);
        Assert.Null(await Queries.GetAsync("nope"));
    }

    private static IEnumerable<string> Ids(Page<InstanceSummary> page) => page.Items.Select(i => i.Id);
}
