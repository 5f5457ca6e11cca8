using AfterSales.Workflows;

namespace AfterSales.Activities.ControlFlow;

/// <summary>
/// Many-way branch on a value: the outcome is the case equal to the value, else <c>Default</c>. Cases are
/// names rather than conditions so that each port of the designer has a stable, readable name.
/// </summary>
[Activity("Switch", "Control flow", "Takes the branch named by the value (one of the cases), or Default.")]
public sealed class Switch : IActivity, IDynamicOutcomes
{
    public const string DefaultOutcome = "Default";

    [Input("The value that names the case, e.g. variables.sets < variables.specialOrderBatchSets ? 'Small' : 'Large'.", Required = true, UIHint = "code")]
    public Input<string?> Value { get; set; } = null!;

    [Input("The case names: each is an outcome.", Required = true, UIHint = "list")]
    public Input<string[]> Cases { get; set; } = null!;

    public IReadOnlyList<string>? GetOutcomes() => Cases.IsLiteral ? [.. Cases.LiteralValue!, DefaultOutcome] : null;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var value = context.Get(Value);
        var cases = context.Get(Cases);
        var match = Array.Find(cases, c => string.Equals(c, value, StringComparison.Ordinal));
        return ValueTask.FromResult(ActivityResult.Outcome(match ?? DefaultOutcome));
    }
}
