using AfterSales.Activities.Timers;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.Timers;

public sealed class DelayTests
{
    [Theory]
    [InlineData("10s", 10)]
    [InlineData("PT2H", 2 * 3600)]
    [InlineData("1h30m", 90 * 60)]
    public async Task Delay_WaitsOnATimerBookmarkDueTheDurationFromNow(string duration, int seconds)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var startedAt = engine.Time.GetUtcNow();

        var instance = await engine.StartAsync(Delayed(duration));

        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        var bookmark = Assert.Single(instance.Bookmarks);
        Assert.Equal(("wait", Delay.BookmarkName), (bookmark.ActivityId, bookmark.Name));
        Assert.Equal(startedAt.AddSeconds(seconds), bookmark.DueAt);
        JsonAssert.Equal("false", instance.Variables["woke"]);
    }

    [Fact]
    public async Task ResumeDueTimers_BeforeTheDueTime_ResumesNothing()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Delayed("10s"));
        engine.Time.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(0, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));

        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.Single(instance.Bookmarks);
        JsonAssert.Equal("false", instance.Variables["woke"]);
    }

    [Theory]
    [InlineData("10s", 10)]
    [InlineData("PT2H", 2 * 3600)]
    public async Task ResumeDueTimers_OnceTheDueTimeIsReached_ResumesTheDelay_AndTheWorkflowContinues(string duration, int seconds)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Delayed(duration));
        engine.Time.Advance(TimeSpan.FromSeconds(seconds));

        Assert.Equal(1, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));

        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        JsonAssert.Equal("true", instance.Variables["woke"]);
        var journal = await engine.JournalAsync(started.Id);
        Assert.Equal(["wait:Executed", "wait:Resumed", "woke:Executed"], journal.Skip(1).Select(e => $"{e.ActivityId}:{e.Kind}"));
        Assert.Equal(0, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));
    }

    [Fact]
    public async Task Delay_OfZero_ContinuesAtOnce()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var instance = await engine.StartAsync(Delayed("0s"));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("true", instance.Variables["woke"]);
    }

    private static WorkflowDefinition Delayed(string duration) => new WorkflowBuilder("delay")
        .Variable("woke", "Boolean", false)
        .Activity("start", "Start")
        .Activity("wait", "Delay", Expr.Lit("duration", duration))
        .Activity("woke", "SetVariable", Expr.Lit("variable", "woke"), Expr.Lit("value", true))
        .Connect("start", "wait")
        .Connect("wait", "woke")
        .Build();
}
