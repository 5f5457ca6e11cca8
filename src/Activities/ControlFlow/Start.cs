using AfterSales.Workflows;

namespace AfterSales.Activities.ControlFlow;

[Activity("Start", "Control flow", "Where the workflow begins. A flowchart has exactly one.")]
public sealed class Start : IStartActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
