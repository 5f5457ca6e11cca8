using AfterSales.Workflows;

namespace AfterSales.Activities.Timers;

/// <summary>Waits for a duration: a timer bookmark with a due time, resumed by whatever wakes due timers.</summary>
[Activity("Delay", "Timers", "Waits for a duration (ISO 8601 such as PT2H, or 2h, 30m, 10s).")]
public sealed class Delay : IResumableActivity
{
    public const string BookmarkName = "Timer";

    [Input("How long to wait.", Required = true, UIHint = "duration")]
    public Input<TimeSpan> Duration { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var duration = context.Get(Duration);
        if (duration <= TimeSpan.Zero) return ValueTask.FromResult(ActivityResult.Done);
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkName, DueAt: context.Now + duration)));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) => ValueTask.FromResult(ActivityResult.Done);
}
