using System.Text.Json.Nodes;
using AfterSales.Workflows;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Activities.Signals;

/// <summary>
/// Waits for a named event from outside (a customer's reply, goods received), matched by a correlation key:
/// by default the instance's correlation id, i.e. its case.
/// </summary>
[Activity("WaitForSignal", "Signals", "Waits until a named signal with the matching correlation key arrives.", DisplayName = "Wait for signal")]
public sealed class WaitForSignal : IResumableActivity
{
    [Input("The signal's name, e.g. customer-replied.", Required = true)]
    public Input<string> Signal { get; set; } = null!;

    [Input("The correlation key; the instance's correlation id (its case) when not set.")]
    public Input<string?>? CorrelationKey { get; set; }

    [Output("What the signal carried.")]
    public Output<JsonNode?> Payload { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var key = context.Get(CorrelationKey, null) ?? context.CorrelationId;
        var signal = context.Get(Signal);
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(SignalBookmark.Name(signal), key,
            Payload: new JsonObject { ["signal"] = signal })));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        context.Set(Payload, resume.Payload);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
