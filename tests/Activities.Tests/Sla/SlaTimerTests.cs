using AfterSales.Activities.Timers;
using AfterSales.Tests.Shared;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.Sla;

public sealed class SlaTimerTests
{
    [Fact]
    public async Task SlaTimer_WaitsUntilTheShareOfTheDurationHasPassedSinceTheMoment()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var since = engine.Time.GetUtcNow().AddHours(-2);

        var started = await engine.StartAsync(Timer(since, "PT24H", 0.75));

        var bookmark = Assert.Single(started.Bookmarks);
        Assert.Equal((Delay.BookmarkName, since.AddHours(18)), (bookmark.Name, bookmark.DueAt));
        engine.Time.Advance(TimeSpan.FromHours(16) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));
        engine.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));
        Assert.Equal(WorkflowStatus.Completed, (await engine.ReloadAsync(started.Id)).Status);
    }

    [Fact]
    public async Task SlaTimer_ForAMomentAlreadyPast_ContinuesAtOnce()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());

        var instance = await engine.StartAsync(Timer(engine.Time.GetUtcNow().AddHours(-30), "PT24H", 1));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
    }

    private static WorkflowDefinition Timer(DateTimeOffset since, string duration, double share) => new WorkflowBuilder("sla-timer")
        .Activity("start", "Start")
        .Activity("wait", "SlaTimer", Expr.Lit("since", since.ToString("O")), Expr.Lit("duration", duration), Expr.Lit("share", share))
        .Connect("start", "wait")
        .Build();
}
