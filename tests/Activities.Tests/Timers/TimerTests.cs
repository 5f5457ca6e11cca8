using System.Text.Json.Nodes;
using AfterSales.Activities.Timers;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.Timers;

public sealed class TimerTests
{
    [Fact]
    public async Task Timer_AtAMomentInThePast_ContinuesAtOnce()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var instance = await engine.StartAsync(WaitUntilFollowUp(), new JsonObject { ["followUpAt"] = "2026-11-23T08:59:59Z" });

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        JsonAssert.Equal("true", instance.Variables["woke"]);
    }

    [Fact]
    public async Task Timer_AtAFutureMoment_WaitsUntilThen_AndContinuesWhenDue()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(WaitUntilFollowUp(), new JsonObject { ["followUpAt"] = "2026-11-24T08:00:00+00:00" });
        var bookmark = Assert.Single(started.Bookmarks);
        Assert.Equal((Delay.BookmarkName, new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)), (bookmark.Name, bookmark.DueAt));

        engine.Time.Advance(TimeSpan.FromHours(22));
        Assert.Equal(0, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));
        engine.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));

        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("true", instance.Variables["woke"]);
    }

    private static WorkflowDefinition WaitUntilFollowUp() => new WorkflowBuilder("timer")
        .Variable("followUpAt", "DateTime", isInput: true)
        .Variable("woke", "Boolean", false)
        .Activity("start", "Start")
        .Activity("wait", "Timer", Expr.Js("at", "variables.followUpAt"))
        .Activity("woke", "SetVariable", Expr.Lit("variable", "woke"), Expr.Lit("value", true))
        .Connect("start", "wait")
        .Connect("wait", "woke")
        .Build();
}
