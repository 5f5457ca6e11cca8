using AfterSales.Cases;
using AfterSales.Workflows;

namespace AfterSales.Activities.Cases;

/// <summary>
/// Moves the case to a status, assigns its owner and writes a timeline line: any of the three, at least one.
/// Emits <see cref="CaseStatusChanged"/>, <see cref="CaseOwnerAssigned"/> and <see cref="CaseTimelineEntry"/>
/// (the note, or the change when there is no note).
/// </summary>
[Activity("UpdateCase", "Cases", "Sets the case's status and owner and adds a line to its timeline.", DisplayName = "Update case")]
public sealed class UpdateCase : IActivity
{
    [Input("The new status; unchanged when empty.", UIHint = "dropdown",
        Options = [CaseStatuses.Open, CaseStatuses.InProgress, CaseStatuses.WaitingCustomer, CaseStatuses.Resolved, CaseStatuses.Closed, CaseStatuses.Rejected])]
    public Input<string?>? Status { get; set; }

    [Input("The new owner's user name; unchanged when empty.")]
    public Input<string?>? Owner { get; set; }

    [Input("The timeline line; Liquid reads variables and input, e.g. Goods received: {{ variables.tracking.hostQuantity }} hosts.", UIHint = "multiline")]
    public Input<string?>? Note { get; set; }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var status = Blank(context.Get(Status, null));
        var owner = Blank(context.Get(Owner, null));
        var note = Blank(context.Get(Note, null));
        if (status is null && owner is null && note is null)
            throw new InvalidOperationException("nothing to update: set a status, an owner or a note");
        if (status is not null && !CaseStatuses.All.Contains(status))
            throw new InvalidOperationException($"'{status}' is not a case status (use one of: {string.Join(", ", CaseStatuses.All)})");

        var (caseId, key) = (context.CaseId(), context.NextEventKey());
        if (status is not null) context.Emit(new CaseStatusChanged(key, caseId, status, context.Now));
        if (owner is not null) context.Emit(new CaseOwnerAssigned(key, caseId, owner, context.Now));
        var text = note ?? string.Join("; ", new[] { status is null ? null : $"Status: {status}", owner is null ? null : $"Owner: {owner}" }.OfType<string>());
        context.Emit(new CaseTimelineEntry(key, caseId, status is null ? "note" : "status", text, context.Now));
        return ValueTask.FromResult(ActivityResult.Done);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
