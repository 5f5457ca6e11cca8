using AfterSales.Activities.Timers;
using AfterSales.Workflows;

namespace AfterSales.Activities.Sla;

/// <summary>
/// Waits until a share of a duration has passed since a moment: the steps of an escalation ladder counted from when
/// the clock started (75 % of 24 h, 24 h, 48 h), whatever the steps before took. A moment already past continues at once.
/// </summary>
[Activity("SlaTimer", "SLA", "Waits until a share of a duration has passed since a moment, e.g. 75 % of firstResponseDue since the case was received.", DisplayName = "SLA timer")]
public sealed class SlaTimer : IResumableActivity
{
    [Input("Since when, e.g. variables.slaStartedAt.", Required = true, UIHint = "code")]
    public Input<DateTimeOffset> Since { get; set; } = null!;

    [Input("The duration, e.g. variables.firstResponseDue.", Required = true, UIHint = "duration")]
    public Input<TimeSpan> Duration { get; set; } = null!;

    [Input("The share of the duration to wait for, e.g. 0.75.", DefaultJson = "1", UIHint = "code")]
    public Input<double> Share { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var share = context.Get(Share);
        if (share < 0) throw new InvalidOperationException($"the share cannot be negative ({share})");
        var at = context.Get(Since) + context.Get(Duration) * share;
        return ValueTask.FromResult(at <= context.Now
            ? ActivityResult.Done
            : ActivityResult.Suspend(new BookmarkRequest(Delay.BookmarkName, DueAt: at)));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) => ValueTask.FromResult(ActivityResult.Done);
}
