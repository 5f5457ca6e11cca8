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

    /// <summary>What is wrong with these settings, one sentence each, naming the setting; empty when nothing is.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxStepsPerBurst <= 0) problems.Add("Workflows:MaxStepsPerBurst must be positive");
        if (JavaScript.Timeout <= TimeSpan.Zero) problems.Add("Workflows:JavaScript:Timeout must be positive, e.g. 00:00:01");
        if (JavaScript.MemoryBytes <= 0) problems.Add("Workflows:JavaScript:MemoryBytes must be positive");
        if (JavaScript.RecursionDepth <= 0) problems.Add("Workflows:JavaScript:RecursionDepth must be positive");
        if (JavaScript.MaxStatements <= 0) problems.Add("Workflows:JavaScript:MaxStatements must be positive");
        if (Liquid.Timeout <= TimeSpan.Zero) problems.Add("Workflows:Liquid:Timeout must be positive, e.g. 00:00:01");
        if (Liquid.MaxOutput <= 0) problems.Add("Workflows:Liquid:MaxOutput must be positive");
        if (Liquid.MaxSteps <= 0) problems.Add("Workflows:Liquid:MaxSteps must be positive");
        if (Liquid.MaxRecursion <= 0) problems.Add("Workflows:Liquid:MaxRecursion must be positive");
        return problems;
    }
}
