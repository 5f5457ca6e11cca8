using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.ControlFlow;

public sealed class DecisionTests
{
    [Theory]
    [InlineData(3, "True")]
    [InlineData(8, "False")]
    public async Task Decision_TakesTheBranchTheConditionNames(int hosts, string branch)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var instance = await engine.StartAsync(Branching("variables.hosts < 5"), new JsonObject { ["hosts"] = hosts });

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal($"\"{branch}\"", instance.Variables["taken"]);
        var decision = Assert.Single(await engine.JournalAsync(instance.Id), e => e.ActivityId == "decide");
        Assert.Equal(branch, decision.Outcome);
        JsonAssert.Equal(branch == "True" ? "true" : "false", decision.Inputs!["condition"]);
    }

    [Theory]
    [InlineData("variables.items.length", "False")]
    [InlineData("variables.items.concat(['x']).length", "True")]
    [InlineData("variables.note", "False")]
    [InlineData("variables.note + 'x'", "True")]
    [InlineData("'false'", "True")]
    [InlineData("0", "False")]
    [InlineData("variables.missing", "False")]
    [InlineData("({})", "True")]
    public async Task Decision_TreatsANonBooleanResultAsJavaScriptTruthiness(string condition, string branch)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var instance = await engine.StartAsync(Branching(condition));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal($"\"{branch}\"", instance.Variables["taken"]);
    }

    private static WorkflowDefinition Branching(string condition) => new WorkflowBuilder("decision")
        .Variable("hosts", "Number", 0, isInput: true)
        .Variable("items", "Array", new JsonArray())
        .Variable("note", "String", "")
        .Variable("taken", "String")
        .Activity("start", "Start")
        .Activity("decide", "Decision", Expr.Js("condition", condition))
        .Activity("yes", "SetVariable", Expr.Lit("variable", "taken"), Expr.Lit("value", "True"))
        .Activity("no", "SetVariable", Expr.Lit("variable", "taken"), Expr.Lit("value", "False"))
        .Connect("start", "decide")
        .Connect("decide", "True", "yes")
        .Connect("decide", "False", "no")
        .Build();
}
