using AfterSales.Workflows;

namespace AfterSales.Activities.Timers;

/// <summary>Waits until a moment, e.g. a date computed from a variable. A moment already past continues at once.</summary>
[Activity("Timer", "Timers", "Waits until a date and time.")]
public sealed class Timer : IResumableActivity
{
    [Input("When to continue (ISO 8601 date and time).", Required = true, UIHint = "code")]
    public Input<DateTimeOffset> At { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var at = context.Get(At);
        if (at <= context.Now) return ValueTask.FromResult(ActivityResult.Done);
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(Delay.BookmarkName, DueAt: at)));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) => ValueTask.FromResult(ActivityResult.Done);
}
