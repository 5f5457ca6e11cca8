using System.Text.Json.Nodes;
using AfterSales.Activities.Tests.Processes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Activities.Tests.Security;

/// <summary>
/// Issue 7, finding 1b: inputs may set only the variables a definition declares as inputs, whoever starts it: a caller
/// (the attack overrode return_visit's <c>reminderTo</c>) or a parent workflow through <c>RunWorkflow</c>.
/// </summary>
public sealed class ChildInputTests
{
    [Fact]
    public async Task ReturnVisit_RefusesAnInput_ThatOverridesItsRecipients()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        foreach (var definition in WorkflowFiles.Definitions) engine.Store.Publish(definition);

        var e = await Assert.ThrowsAsync<WorkflowInputException>(() => engine.Runtime.StartAsync("return_visit", new JsonObject
        {
            ["caseNumber"] = "AS-2026-000123",
            ["customerName"] = "your refund is ready: http://evil.example",
            ["returnVisitDelay"] = "PT1S",
            ["reminderTo"] = new JsonArray("attacker@evil.example", "customer", "role:gm"),
        }, Steps.CaseId));

        Assert.Equal("reminderTo", e.Field);
    }

    [Fact]
    public async Task RunWorkflow_CannotSetAChildsVariable_ThatIsNotDeclaredAnInput()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        engine.Store.Publish(new WorkflowBuilder("child")
            .Variable("notify", "StringList", Expr.List("owner"))
            .Activity("start", "Start").Build());
        var parent = new WorkflowBuilder("parent")
            .Activity("start", "Start")
            .Activity("run", "RunWorkflow", Expr.Lit("definitionId", "child"), Expr.Js("input", "({ notify: ['role:gm'] })"))
            .Connect("start", "run").Build();

        var instance = await engine.StartAsync(parent, correlationId: Steps.CaseId);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("variable 'notify' of 'child' is not declared an input", Assert.Single(instance.Incidents).Message);
    }
}
