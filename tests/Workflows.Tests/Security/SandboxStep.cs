using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Tests.Security;

/// <summary>
/// How the sandbox tests run an attack: one SetVariable step whose value is the expression under test, stored in the
/// variable <c>result</c>; an attack that trips a limit faults that step with an incident naming the limit.
/// </summary>
internal static class SandboxStep
{
    public static async Task<WorkflowInstance> RunAsync(
        string resultType, (string, ExpressionSpec) value, Action<WorkflowsOptions> options)
    {
        using var engine = new TestEngine(b => b.AddTestActivities(), options);
        var definition = new WorkflowBuilder("sandbox").Variable("result", resultType).Activity("start", "Start")
            .Activity("set", "SetVariable", Expr.Lit("variable", "result"), value)
            .Connect("start", "set").Build();
        return await engine.StartAsync(definition, correlationId: "AS-2026-000123");
    }

    public static void AssertFaulted(WorkflowInstance instance, string expected)
    {
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("set", incident.ActivityId);
        Assert.Contains("input 'value' of activity 'set'", incident.Message);
        Assert.Contains(expected, incident.Message);
    }
}
