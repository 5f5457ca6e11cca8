using System.Text.Json.Nodes;
using AfterSales.Activities.ControlFlow;
using AfterSales.Activities.HumanTasks;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Activities.Tests.ControlFlow;

public sealed class JoinTests
{
    private static readonly JsonObject Done = new() { ["outcome"] = "Done" };

    [Fact]
    public async Task WaitAll_ContinuesOnce_AfterBothBranchesArrive()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(TwoTasksJoined(Join.WaitAll), correlationId: "RMA-1");
        var (inspect, refund) = (TaskBookmark(started, "inspect"), TaskBookmark(started, "refund"));

        Assert.True((await engine.Runtime.ResumeAsync(started.Id, inspect.Id, Done.DeepClone())).Succeeded);

        var halfway = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Suspended, halfway.Status);
        JsonAssert.Equal("0", halfway.Variables["after"]);
        Assert.Equal(refund.Id, Assert.Single(halfway.Bookmarks).Id);
        Assert.DoesNotContain(await engine.JournalAsync(started.Id), e => e.ActivityId == "after");

        Assert.True((await engine.Runtime.ResumeAsync(started.Id, refund.Id, Done.DeepClone())).Succeeded);

        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("1", instance.Variables["after"]);
        Assert.Single(await engine.JournalAsync(started.Id), e => e.ActivityId == "after");
    }

    [Fact]
    public async Task WaitAny_ContinuesOnTheFirstArrival_AndCancelsTheOtherBranchesBookmark()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(TwoTasksJoined(Join.WaitAny), correlationId: "RMA-1");
        var (inspect, refund) = (TaskBookmark(started, "inspect"), TaskBookmark(started, "refund"));

        Assert.True((await engine.Runtime.ResumeAsync(started.Id, refund.Id, Done.DeepClone())).Succeeded);

        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("1", instance.Variables["after"]);
        Assert.Empty(instance.Bookmarks);
        Assert.Empty(await engine.Store.FindBookmarksAsync(HumanTask.BookmarkName, "RMA-1"));
        var late = await engine.Runtime.ResumeAsync(started.Id, inspect.Id, Done.DeepClone());
        Assert.Equal(RunOutcome.BookmarkNotFound, late.Outcome);
        Assert.Single(await engine.JournalAsync(started.Id), e => e.ActivityId == "after");
    }

    [Fact]
    public async Task WaitAny_ContinuesOnce_WhenBothBranchesArriveInTheSameRun()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("join-any-same-run")
            .Variable("after", "Number", 0)
            .Activity("start", "Start")
            .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("A", "B")))
            .Activity("a", "Log", Expr.Lit("message", "a"))
            .Activity("b", "Log", Expr.Lit("message", "b"))
            .Activity("join", "Join", Expr.Lit("mode", Join.WaitAny))
            .Activity("after", "SetVariable", Expr.Lit("variable", "after"), Expr.Js("value", "variables.after + 1"))
            .Connect("start", "fork")
            .Connect("fork", "A", "a")
            .Connect("fork", "B", "b")
            .Connect("a", "join")
            .Connect("b", "join")
            .Connect("join", "after")
            .Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("1", instance.Variables["after"]);
    }

    private static Bookmark TaskBookmark(WorkflowInstance instance, string activityId) =>
        Assert.Single(instance.Bookmarks, b => b.ActivityId == activityId);

    private static WorkflowDefinition TwoTasksJoined(string mode) => new WorkflowBuilder("join-" + mode.ToLowerInvariant())
        .Variable("after", "Number", 0)
        .Activity("start", "Start")
        .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("Inspect", "Refund")))
        .Activity("inspect", "HumanTask", Expr.Lit("role", "warehouse"), Expr.Lit("title", "Inspect the goods"))
        .Activity("refund", "HumanTask", Expr.Lit("role", "finance"), Expr.Lit("title", "Refund the customer"))
        .Activity("join", "Join", Expr.Lit("mode", mode))
        .Activity("after", "SetVariable", Expr.Lit("variable", "after"), Expr.Js("value", "variables.after + 1"))
        .Connect("start", "fork")
        .Connect("fork", "Inspect", "inspect")
        .Connect("fork", "Refund", "refund")
        .Connect("inspect", "join")
        .Connect("refund", "join")
        .Connect("join", "after")
        .Build();
}
