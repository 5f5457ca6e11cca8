using AfterSales.Workflows;

namespace AfterSales.Activities.ControlFlow;

[Activity("Decision", "Control flow", "Takes the True or the False branch depending on a condition.", Outcomes = ["True", "False"])]
public sealed class Decision : IActivity
{
    private static readonly ValueTask<ActivityResult> True = ValueTask.FromResult(ActivityResult.Outcome("True"));
    private static readonly ValueTask<ActivityResult> False = ValueTask.FromResult(ActivityResult.Outcome("False"));

    [Input("The condition, e.g. variables.hosts < variables.returnSmallMaxHosts.", Required = true, UIHint = "code")]
    public Input<bool> Condition { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => context.Get(Condition) ? True : False;
}
