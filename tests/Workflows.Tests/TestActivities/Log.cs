namespace AfterSales.Workflows.Tests.TestActivities;

/// <summary>Evaluates its message, which the journal then shows; a step that does nothing else.</summary>
[Activity("Log", "Test", "Evaluates a message.")]
public sealed class Log : IActivity
{
    [Input("The message.", Required = true)]
    public Input<string> Message { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Get(Message);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
