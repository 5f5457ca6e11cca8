using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.ControlFlow;

public sealed class SetVariableTests
{
    [Fact]
    public async Task SetVariable_StoresALiteralValue()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("set-literal")
            .Variable("channel", "String", "web")
            .Activity("start", "Start")
            .Activity("set", "SetVariable", Expr.Lit("variable", "channel"), Expr.Lit("value", "phone"))
            .Connect("start", "set")
            .Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("\"phone\"", instance.Variables["channel"]);
    }

    [Fact]
    public async Task SetVariable_StoresTheResultOfJavaScript_AndTheNextStepSeesIt()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("set-js")
            .Variable("price", "Number", 12.5)
            .Variable("quantity", "Number", 4)
            .Variable("total", "Number")
            .Variable("order", "Object")
            .Activity("start", "Start")
            .Activity("total", "SetVariable", Expr.Lit("variable", "total"), Expr.Js("value", "variables.price * variables.quantity"))
            .Activity("order", "SetVariable", Expr.Lit("variable", "order"), Expr.Js("value", "({ total: variables.total, lines: [1, 2] })"))
            .Connect("start", "total")
            .Connect("total", "order")
            .Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("50", instance.Variables["total"]);
        JsonAssert.Equal("""{"total":50,"lines":[1,2]}""", instance.Variables["order"]);
    }

    [Fact]
    public async Task SetVariable_OfAnUndeclaredVariable_FaultsTheInstanceWithAnIncidentNamingIt()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("set-undeclared")
            .Variable("total", "Number", 0)
            .Activity("start", "Start")
            .Activity("set", "SetVariable", Expr.Lit("variable", "discount"), Expr.Lit("value", 5))
            .Connect("start", "set")
            .Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(("set", "SetVariable"), (incident.ActivityId, incident.ActivityType));
        Assert.Contains("'discount'", incident.Message);
        Assert.False(instance.Variables.ContainsKey("discount"));
        var last = (await engine.JournalAsync(instance.Id))[^1];
        Assert.Equal(("set", "Faulted", incident.Message), (last.ActivityId, last.Kind, last.Error));
    }

    [Fact]
    public async Task SetVariable_WithAValueNotOfTheDeclaredType_FaultsTheInstance_AndKeepsTheOldValue()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("set-wrong-type")
            .Variable("total", "Number", 7)
            .Activity("start", "Start")
            .Activity("set", "SetVariable", Expr.Lit("variable", "total"), Expr.Lit("value", "seven"))
            .Connect("start", "set")
            .Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("variable 'total'", Assert.Single(instance.Incidents).Message);
        JsonAssert.Equal("7", instance.Variables["total"]);
    }
}
