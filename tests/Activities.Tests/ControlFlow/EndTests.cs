using System.Text.Json.Nodes;
using AfterSales.Activities.HumanTasks;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Activities.Tests.ControlFlow;

public sealed class EndTests
{
    [Fact]
    public async Task End_FinishesTheWorkflow_WithItsOutput()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("end-output")
            .Variable("rma", "String", "RMA-1")
            .Activity("start", "Start")
            .Activity("end", "End", Expr.Js("output", "({ rma: variables.rma, approved: true })"))
            .Connect("start", "end")
            .Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(engine.Time.GetUtcNow(), instance.FinishedAt);
        JsonAssert.Equal("""{"rma":"RMA-1","approved":true}""", instance.Output);
        var last = (await engine.JournalAsync(instance.Id))[^1];
        Assert.Equal(("end", "Finished"), (last.ActivityId, last.Outcome));
    }

    [Fact]
    public async Task End_CancelsTheTaskAnotherBranchSuspendedOn_InTheSameRun()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("end-cancels-task")
            .Activity("start", "Start")
            .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("Task", "Stop")))
            .Activity("task", "HumanTask", Expr.Lit("role", "aftersales"), Expr.Lit("title", "Check the return"))
            .Activity("end", "End")
            .Connect("start", "fork")
            .Connect("fork", "Task", "task")
            .Connect("fork", "Stop", "end")
            .Build();

        var instance = await engine.StartAsync(definition, correlationId: "RMA-1");

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.Empty(await engine.Store.FindBookmarksAsync(HumanTask.BookmarkName, "RMA-1"));
        var journal = await engine.JournalAsync(instance.Id);
        Assert.Equal(["task:Suspended:HumanTask", "end:Finished"], journal.Skip(2).Select(e => $"{e.ActivityId}:{e.Outcome}"));
    }

    [Fact]
    public async Task End_ReachedInALaterRun_CancelsTheBookmarksOtherBranchesStillWaitOn()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("end-cancels-later")
            .Activity("start", "Start")
            .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("Task", "Close")))
            .Activity("task", "HumanTask", Expr.Lit("role", "aftersales"), Expr.Lit("title", "Check the return"))
            .Activity("closed", "WaitForSignal", Expr.Lit("signal", "case-closed"))
            .Activity("end", "End", Expr.Lit("output", "closed early"))
            .Connect("start", "fork")
            .Connect("fork", "Task", "task")
            .Connect("fork", "Close", "closed")
            .Connect("closed", "end")
            .Build();
        var started = await engine.StartAsync(definition, correlationId: "RMA-1");
        var taskBookmark = Assert.Single(started.Bookmarks, b => b.Name == HumanTask.BookmarkName);
        Assert.Equal(2, started.Bookmarks.Count);

        Assert.Equal(1, await engine.Runtime.SignalAsync("case-closed", "RMA-1"));

        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("\"closed early\"", instance.Output);
        Assert.Empty(instance.Bookmarks);
        Assert.Empty(await engine.Store.FindBookmarksAsync(HumanTask.BookmarkName, "RMA-1"));
        var late = await engine.Runtime.ResumeAsync(started.Id, taskBookmark.Id, new JsonObject { ["outcome"] = "Done" });
        Assert.Equal(RunOutcome.BookmarkNotFound, late.Outcome);
    }

    [Fact]
    public async Task End_DropsStepsOtherBranchesHadScheduled()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("end-drops-steps")
            .Variable("touched", "Boolean", false)
            .Activity("start", "Start")
            .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("Stop", "Work")))
            .Activity("end", "End")
            .Activity("work", "SetVariable", Expr.Lit("variable", "touched"), Expr.Lit("value", true))
            .Connect("start", "fork")
            .Connect("fork", "Stop", "end")
            .Connect("fork", "Work", "work")
            .Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("false", instance.Variables["touched"]);
        Assert.DoesNotContain(await engine.JournalAsync(instance.Id), e => e.ActivityId == "work");
    }
}
