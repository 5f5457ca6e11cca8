using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Cases.Sla;
using AfterSales.Workflows;

namespace AfterSales.Activities.Sla;

/// <summary>
/// Starts an SLA clock on the case: it is due a duration after it started, with an optional warning at a share of
/// that duration. Emits <see cref="SlaClockStarted"/> and a timeline line; the start and due times go to outputs so
/// the timers of an escalation ladder can count from the start (<see cref="SlaTimer"/>) and mails can name the deadline.
/// </summary>
[Activity("StartSlaClock", "SLA", "Starts an SLA clock on the case (e.g. the first response due in 24 h).", DisplayName = "Start SLA clock")]
public sealed class StartSlaClock : IActivity
{
    [Input("The clock's name.", DefaultJson = "\"first_response\"")]
    public Input<string> Clock { get; set; } = null!;

    [Input("Since when the clock runs, e.g. input.receivedAt (when the request came in); now when empty.", UIHint = "code")]
    public Input<DateTimeOffset?>? Since { get; set; }

    [Input("How long the case has, e.g. variables.firstResponseDue.", Required = true, UIHint = "duration")]
    public Input<TimeSpan> Due { get; set; } = null!;

    [Input("The share of the time at which the owner is warned, e.g. 0.75; no warning when empty.", UIHint = "code")]
    public Input<double?>? WarningShare { get; set; }

    [Input("The business calendar the time runs on, e.g. variables.slaCalendar (as for the SlaTimers that follow); the wall clock when empty.", UIHint = "code")]
    public Input<JsonObject?>? Calendar { get; set; }

    [Output("When the clock started.")]
    public Output<DateTimeOffset> StartedAt { get; set; } = null!;

    [Output("When the case is due.")]
    public Output<DateTimeOffset> DueAt { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.CaseId();
        var clock = context.Get(Clock);
        var startedAt = context.Get(Since, null) ?? context.Now;
        var due = context.Get(Due);
        var share = context.Get(WarningShare, null);
        if (share is < 0 or > 1) throw new InvalidOperationException($"the warning share must be between 0 and 1, not {share}");
        var calendar = BusinessCalendar.Parse(context.Get(Calendar, null));
        var (dueAt, warningAt) = (BusinessCalendar.After(calendar, startedAt, due), share is { } s ? BusinessCalendar.After(calendar, startedAt, due * s) : (DateTimeOffset?)null);

        var key = context.NextEventKey();
        context.Emit(new SlaClockStarted(key, caseId, clock, startedAt, dueAt, warningAt, context.Now));
        context.Emit(new CaseTimelineEntry(key, caseId, "sla", $"SLA {clock}: due by {dueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC", context.Now));
        context.Set(StartedAt, startedAt);
        context.Set(DueAt, dueAt);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
