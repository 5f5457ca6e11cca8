namespace AfterSales.Workflows.Tests.TestActivities;

/// <summary>Waits on a timer bookmark due after its duration.</summary>
[Activity("Delay", "Test", "Waits for a duration.")]
public sealed class Delay : IResumableActivity
{
    [Input("How long to wait.", Required = true)]
    public Input<TimeSpan> Duration { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest("Timer", DueAt: context.Now + context.Get(Duration))));

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) =>
        ValueTask.FromResult(ActivityResult.Done);
}
