using AfterSales.Cases;
using AfterSales.Cases.Sla;
using AfterSales.Workflows;

namespace AfterSales.Activities.Sla;

/// <summary>Records that the customer got the first response now: it stops the first-response clock. Emits <see cref="FirstResponseRecorded"/> and a timeline line.</summary>
[Activity("RecordFirstResponse", "SLA", "Records the case's first response to the customer, which stops the first-response clock.", DisplayName = "Record first response")]
public sealed class RecordFirstResponse : IActivity
{
    [Input("Who responded, e.g. the first-response task's completedBy.", UIHint = "code")]
    public Input<string?>? By { get; set; }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.CaseId();
        var by = context.Get(By, null) is { } b && !string.IsNullOrWhiteSpace(b) ? b.Trim() : null;
        var key = context.NextEventKey();
        context.Emit(new FirstResponseRecorded(key, caseId, by, context.Now));
        context.Emit(new CaseTimelineEntry(key, caseId, "sla", by is null ? "First response given" : $"First response given by {by}", context.Now));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
