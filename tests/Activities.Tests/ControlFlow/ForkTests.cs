using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.ControlFlow;

public sealed class ForkTests
{
    [Fact]
    public async Task Fork_TakesEveryBranch_InTheOrderTheyAreNamed()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("fork-all")
            .Variable("trail", "String", "")
            .Activity("start", "Start")
            .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("Mail", "Invoice", "Stock")))
            .Activity("mail", "SetVariable", Expr.Lit("variable", "trail"), Expr.Js("value", "variables.trail + 'mail;'"))
            .Activity("invoice", "SetVariable", Expr.Lit("variable", "trail"), Expr.Js("value", "variables.trail + 'invoice;'"))
            .Activity("stock", "SetVariable", Expr.Lit("variable", "trail"), Expr.Js("value", "variables.trail + 'stock;'"))
            .Connect("start", "fork")
            .Connect("fork", "Stock", "stock")
            .Connect("fork", "Mail", "mail")
            .Connect("fork", "Invoice", "invoice")
            .Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("\"mail;invoice;stock;\"", instance.Variables["trail"]);
        Assert.Equal("Mail,Invoice,Stock", Assert.Single(await engine.JournalAsync(instance.Id), e => e.ActivityId == "fork").Outcome);
    }

    [Fact]
    public async Task Fork_OffersItsBranchesAsOutcomes_SoAConnectionFromAnotherPortIsRejected()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("fork-bad-port")
            .Activity("start", "Start")
            .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("Mail", "Stock")))
            .Activity("log", "Log", Expr.Lit("message", "invoice"))
            .Connect("start", "fork")
            .Connect("fork", "Invoice", "log")
            .Build();
        engine.Store.Publish(definition);

        var e = await Assert.ThrowsAsync<WorkflowValidationException>(() => engine.Runtime.StartAsync("fork-bad-port"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal(("fork", "connections[1].source.port"), (problem.ActivityId, problem.Field));
    }
}
