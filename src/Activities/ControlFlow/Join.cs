using AfterSales.Workflows;

namespace AfterSales.Activities.ControlFlow;

/// <summary>
/// Merges branches. <c>WaitAll</c> continues once every incoming connection has arrived in this round.
/// <c>WaitAny</c> continues on the first arrival and cancels the other branches still pending before it
/// (their bookmarks and scheduled steps): "whichever comes first", e.g. a reply or a timeout.
/// </summary>
[Activity("Join", "Control flow", "Waits for all (or any) of the incoming branches, then continues once.")]
public sealed class Join : IJoinActivity
{
    public const string WaitAll = "WaitAll";
    public const string WaitAny = "WaitAny";

    [Input("WaitAll: every incoming branch; WaitAny: the first, cancelling the others.", DefaultJson = "\"WaitAll\"", UIHint = "dropdown", Options = [WaitAll, WaitAny])]
    public Input<string> Mode { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var arrivals = context.JoinArrivals();
        var key = $"{context.Arrival.FromActivity}:{context.Arrival.FromPort}";
        if (!arrivals.Contains(key)) arrivals.Add(key);
        if (context.Get(Mode) == WaitAny)
        {
            arrivals.Clear();
            context.CancelOtherBranches();
            return ValueTask.FromResult(ActivityResult.Done);
        }
        if (arrivals.Count < context.InboundCount) return ValueTask.FromResult(ActivityResult.Nothing);
        arrivals.Clear();
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
