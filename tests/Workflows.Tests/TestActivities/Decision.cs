namespace AfterSales.Workflows.Tests.TestActivities;

[Activity("Decision", "Test", "Takes the True or the False branch.", Outcomes = ["True", "False"])]
public sealed class Decision : IActivity
{
    [Input("The condition.", Required = true)]
    public Input<bool> Condition { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Outcome(context.Get(Condition) ? "True" : "False"));
}
