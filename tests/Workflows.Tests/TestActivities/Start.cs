namespace AfterSales.Workflows.Tests.TestActivities;

[Activity("Start", "Test", "Where the workflow begins.")]
public sealed class Start : IStartActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
