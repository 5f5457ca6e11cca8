using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.ControlFlow;

public sealed class SwitchTests
{
    [Theory]
    [InlineData(3, "Small")]
    [InlineData(30, "Large")]
    public async Task Switch_TakesTheCaseTheValueNames(int sets, string branch)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var instance = await engine.StartAsync(Sizing("variables.sets < 10 ? 'Small' : 'Large'"), new JsonObject { ["sets"] = sets });

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal($"\"{branch}\"", instance.Variables["taken"]);
        Assert.Equal(branch, Assert.Single(await engine.JournalAsync(instance.Id), e => e.ActivityId == "size").Outcome);
    }

    [Theory]
    [InlineData("'Medium'")]
    [InlineData("'small'")]
    [InlineData("null")]
    public async Task Switch_TakesDefault_WhenTheValueIsNoCase(string value)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var instance = await engine.StartAsync(Sizing(value));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("\"Default\"", instance.Variables["taken"]);
    }

    [Fact]
    public async Task Switch_OffersTheCasesAndDefaultAsOutcomes_SoAConnectionFromAnotherPortIsRejected()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("switch-bad-port")
            .Activity("start", "Start")
            .Activity("size", "Switch", Expr.Lit("value", "Small"), Expr.Lit("cases", Expr.List("Small", "Large")))
            .Activity("log", "Log", Expr.Lit("message", "medium"))
            .Connect("start", "size")
            .Connect("size", "Medium", "log")
            .Build();
        engine.Store.Publish(definition);

        var e = await Assert.ThrowsAsync<WorkflowValidationException>(() => engine.Runtime.StartAsync("switch-bad-port"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal(("size", "connections[1].source.port"), (problem.ActivityId, problem.Field));
        Assert.Contains("it has: Small, Large, Default", problem.Message);
    }

    private static WorkflowDefinition Sizing(string value) => new WorkflowBuilder("switch")
        .Variable("sets", "Number", 0, isInput: true)
        .Variable("taken", "String")
        .Activity("start", "Start")
        .Activity("size", "Switch", Expr.Js("value", value), Expr.Lit("cases", Expr.List("Small", "Large")))
        .Activity("small", "SetVariable", Expr.Lit("variable", "taken"), Expr.Lit("value", "Small"))
        .Activity("large", "SetVariable", Expr.Lit("variable", "taken"), Expr.Lit("value", "Large"))
        .Activity("other", "SetVariable", Expr.Lit("variable", "taken"), Expr.Lit("value", "Default"))
        .Connect("start", "size")
        .Connect("size", "Small", "small")
        .Connect("size", "Large", "large")
        .Connect("size", "Default", "other")
        .Build();
}
