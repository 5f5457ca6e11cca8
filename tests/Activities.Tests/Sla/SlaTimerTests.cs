using System.Text.Json.Nodes;
using AfterSales.Activities.Timers;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task SlaTimer_OnABusinessCalendar_CountsWorkingHoursOnly()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var since = engine.Time.GetUtcNow(); // Monday 17:00 in Shanghai

        var started = await engine.StartAsync(Timer(since, "PT24H", 0.75, Expr.Lit("calendar", JsonNode.Parse("""{"timeZone":"Asia/Shanghai"}"""))));

        // 18 working hours: Monday 1, Tuesday 9, Wednesday 8 → Wednesday 17:00 Beijing time.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(8)), Assert.Single(started.Bookmarks).DueAt);
    }

    [Fact]
    public async Task SlaTimer_PushesTheMomentBack_ByTheTimeTheCaseWaitedForTheCustomer()
    {
        var caseFile = new TestCaseFile();
        using var engine = new TestEngine(b => b.AddAfterSalesActivities().Services.AddSingleton<IWorkflowGlobal>(caseFile));
        var since = engine.Time.GetUtcNow();
        caseFile.Pause(null, TimeSpan.FromHours(3));

        var started = await engine.StartAsync(Timer(since, "PT24H", 1, Expr.Js("pause", "caseFile.sla")));

        Assert.Equal(since.AddHours(27), Assert.Single(started.Bookmarks).DueAt);
    }

    [Fact]
    public async Task SlaTimer_WhileTheCaseWaitsForTheCustomer_ChecksAgain_AndThenWaitsForThePausedTime()
    {
        var caseFile = new TestCaseFile();
        using var engine = new TestEngine(b => b.AddAfterSalesActivities().Services.AddSingleton<IWorkflowGlobal>(caseFile));
        var since = engine.Time.GetUtcNow();
        var started = await engine.StartAsync(Timer(since, "PT2H", 1, Expr.Js("pause", "caseFile.sla")));

        caseFile.Pause(since.AddHours(1), TimeSpan.Zero); // waiting for the customer from 1 h on
        engine.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));
        Assert.Equal(since.AddHours(2).AddMinutes(15), Assert.Single((await engine.ReloadAsync(started.Id)).Bookmarks).DueAt);

        caseFile.Pause(null, TimeSpan.FromMinutes(70)); // the customer answered at 2 h 10
        engine.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));
        var pushedBack = Assert.Single((await engine.ReloadAsync(started.Id)).Bookmarks);
        Assert.Equal((Delay.BookmarkName, since.AddHours(3).AddMinutes(10)), (pushedBack.Name, pushedBack.DueAt));

        engine.Time.Advance(TimeSpan.FromMinutes(55));
        Assert.Equal(1, await engine.Runtime.ResumeDueTimersAsync(engine.Time.GetUtcNow()));
        Assert.Equal(WorkflowStatus.Completed, (await engine.ReloadAsync(started.Id)).Status);
    }

    [Fact]
    public async Task SlaTimer_OnABusinessCalendar_CountsThePausedTimeOnTheCalendarToo()
    {
        var caseFile = new TestCaseFile();
        using var engine = new TestEngine(b => b.AddAfterSalesActivities().Services.AddSingleton<IWorkflowGlobal>(caseFile));
        caseFile.Pause(null, TimeSpan.FromHours(2));

        var started = await engine.StartAsync(Timer(engine.Time.GetUtcNow(), "PT1H", 1,
            Expr.Lit("calendar", JsonNode.Parse("""{"timeZone":"Asia/Shanghai"}""")), Expr.Js("pause", "caseFile.sla")));

        // Due Monday 18:00 Beijing time, then 2 working hours later: Tuesday 11:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(8)), Assert.Single(started.Bookmarks).DueAt);
    }

    private static WorkflowDefinition Timer(DateTimeOffset since, string duration, double share, params (string, ExpressionSpec)[] more) => new WorkflowBuilder("sla-timer")
        .Activity("start", "Start")
        .Activity("wait", "SlaTimer", [Expr.Lit("since", since.ToString("O")), Expr.Lit("duration", duration), Expr.Lit("share", share), .. more])
        .Connect("start", "wait")
        .Build();
}
