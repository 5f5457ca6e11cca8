using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.ControlFlow;

public sealed class StartTests
{
    [Fact]
    public async Task Start_ContinuesOnDone_SoTheStepAfterItRunsFirst()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("start-done")
            .Variable("reached", "Boolean", false)
            .Activity("start", "Start")
            .Activity("mark", "SetVariable", Expr.Lit("variable", "reached"), Expr.Lit("value", true))
            .Connect("start", "mark")
            .Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("true", instance.Variables["reached"]);
        var journal = await engine.JournalAsync(instance.Id);
        Assert.Equal(["start:Executed:Done", "mark:Executed:Done"], journal.Select(e => $"{e.ActivityId}:{e.Kind}:{e.Outcome}"));
    }

    [Fact]
    public async Task AFlowchartWithTwoStarts_DoesNotRun()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("two-starts")
            .Activity("start", "Start")
            .Activity("start2", "Start")
            .Build();
        engine.Store.Publish(definition);

        var e = await Assert.ThrowsAsync<WorkflowValidationException>(() => engine.Runtime.StartAsync("two-starts"));

        var problem = Assert.Single(e.Problems, p => p.Severity == Severity.Error);
        Assert.Equal("start2", problem.ActivityId);
        Assert.Contains("'start' is one already", problem.Message);
    }
}
