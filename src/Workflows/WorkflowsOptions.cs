using AfterSales.Workflows.Expressions;

namespace AfterSales.Workflows;

public sealed class WorkflowsOptions
{
    /// <summary>
    /// The most activity executions one burst may run. A loop with no wait in it would otherwise spin forever
    /// holding the instance; past this the instance faults with an incident that says so.
    /// </summary>
    public int MaxStepsPerBurst { get; set; } = 10_000;

    public JavaScriptLimits JavaScript { get; set; } = new();

    public LiquidLimits Liquid { get; set; } = new();
}
