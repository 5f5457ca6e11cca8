using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests;

/// <summary>Small workflows around one domain activity: the case's correlation id, and the event counter declared.</summary>
internal static class Steps
{
    public const string CaseId = "AS-2026-000123";

    /// <summary><c>start → step</c>, the step of <paramref name="type"/> with <paramref name="inputs"/>.</summary>
    public static WorkflowBuilder Around(string type, params (string Name, ExpressionSpec Expression)[] inputs) =>
        new WorkflowBuilder("step-" + type.ToLowerInvariant())
            .Input("customer", "String")
            .Variable(CaseEffectContext.EventSequenceVariable, "Number", 0)
            .Activity("start", "Start")
            .Activity("step", type, inputs)
            .Connect("start", "step");
}
