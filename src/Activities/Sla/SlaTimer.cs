using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Activities.Timers;
using AfterSales.Workflows;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Activities.Sla;

/// <summary>
/// Waits until a share of a duration has passed since a moment: the steps of an escalation ladder counted from when
/// the clock started (75 % of 24 h, 24 h, 48 h), whatever the steps before took. A moment already past continues at once.
/// </summary>
/// <remarks>
/// The duration runs on the wall clock, or on a <see cref="BusinessCalendar"/> when one is given. Time the case spent
/// waiting for the customer (<c>caseFile.sla</c>) pushes the moment back by that much, counted on the same clock; while
/// the case waits now, the timer checks again every <see cref="RecheckEvery"/>. Each wait is a plain timer bookmark
/// with a due time, so whatever wakes due timers wakes this one too.
/// </remarks>
[Activity("SlaTimer", "SLA", "Waits until a share of a duration has passed since a moment, e.g. 75 % of firstResponseDue since the case was received.", DisplayName = "SLA timer")]
public sealed class SlaTimer : IResumableActivity
{
    [Input("Since when, e.g. variables.slaStartedAt.", Required = true, UIHint = "code")]
    public Input<DateTimeOffset> Since { get; set; } = null!;

    [Input("The duration, e.g. variables.firstResponseDue.", Required = true, UIHint = "duration")]
    public Input<TimeSpan> Duration { get; set; } = null!;

    [Input("The share of the duration to wait for, e.g. 0.75.", DefaultJson = "1", UIHint = "code")]
    public Input<double> Share { get; set; } = null!;

    [Input("The business calendar the duration runs on, e.g. variables.slaCalendar; the wall clock when empty.", UIHint = "code")]
    public Input<JsonObject?>? Calendar { get; set; }

    [Input("The case's SLA pause {pausedSince, pausedTotal}, e.g. caseFile.sla; no pause when empty.", UIHint = "code")]
    public Input<JsonObject?>? Pause { get; set; }

    [Input("How often to check again while the case waits for the customer.", DefaultJson = "\"PT15M\"", UIHint = "duration")]
    public Input<TimeSpan> RecheckEvery { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(Decide(context));

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) => ValueTask.FromResult(Decide(context));

    private ActivityResult Decide(ActivityContext context)
    {
        var share = context.Get(Share);
        if (share < 0) throw new InvalidOperationException($"the share cannot be negative ({share})");
        var calendar = BusinessCalendar.Parse(context.Get(Calendar, null));
        var due = BusinessCalendar.After(calendar, context.Get(Since), context.Get(Duration) * share);
        var (pausedSince, pausedTotal) = ReadPause(context.Get(Pause, null));
        var at = pausedTotal > TimeSpan.Zero ? BusinessCalendar.After(calendar, due, pausedTotal) : due;
        if (at > context.Now) return Wait(at);
        if (pausedSince is not null)
        {
            var recheck = context.Get(RecheckEvery);
            if (recheck <= TimeSpan.Zero) throw new InvalidOperationException($"recheckEvery must be positive ({recheck})");
            return Wait(context.Now + recheck);
        }
        return ActivityResult.Done;
    }

    private static ActivityResult Wait(DateTimeOffset at) => ActivityResult.Suspend(new BookmarkRequest(Delay.BookmarkName, DueAt: at));

    private static (DateTimeOffset? Since, TimeSpan Total) ReadPause(JsonObject? pause) => pause is null
        ? (null, TimeSpan.Zero)
        : (pause["pausedSince"]?.Deserialize<DateTimeOffset>(),
            pause["pausedTotal"]?.GetValue<string>() is { } total ? DurationFormat.Parse(total) : TimeSpan.Zero);
}
