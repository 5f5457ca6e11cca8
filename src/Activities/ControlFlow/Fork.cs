using AfterSales.Workflows;

namespace AfterSales.Activities.ControlFlow;

[Activity("Fork", "Control flow", "Runs several branches side by side: every branch outcome is taken.")]
public sealed class Fork : IActivity, IDynamicOutcomes
{
    [Input("The branch names: each is an outcome.", DefaultJson = """["A","B"]""", UIHint = "list")]
    public Input<string[]> Branches { get; set; } = null!;

    public IReadOnlyList<string>? GetOutcomes() => Branches.IsLiteral ? Branches.LiteralValue : null;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Outcomes(context.Get(Branches)));
}
