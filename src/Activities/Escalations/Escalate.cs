using AfterSales.Activities.Mail;
using AfterSales.Cases;
using AfterSales.Cases.Escalations;
using AfterSales.Cases.Mail;
using AfterSales.Workflows;

namespace AfterSales.Activities.Escalations;

/// <summary>
/// Escalates the case one level: marks it, says so on its timeline and mails the level's recipients. Emits
/// <see cref="CaseEscalated"/>, <see cref="CaseTimelineEntry"/> and <see cref="MailRequested"/> under one event key.
/// </summary>
[Activity("Escalate", "Escalations", "Escalates the case to a level: marks it escalated, notes it on the timeline and mails the level's recipients.")]
public sealed class Escalate(MailRecipientOptions recipients) : IActivity
{
    [Input("The level: 1 for the first escalation, 2 for the next…", DefaultJson = "1")]
    public Input<int> Level { get; set; } = null!;

    [Input("Why, as a code: first_response, return_visit_overdue…", DefaultJson = "\"first_response\"")]
    public Input<string> Reason { get; set; } = null!;

    [Input("Who is told: role:<role>, user:<name>, customer, owner or an address allowed in Mail:AllowedAddresses.", Required = true, UIHint = "list")]
    public Input<string[]> To { get; set; } = null!;

    [Input("The mail's subject; Liquid.", Required = true)]
    public Input<string> Subject { get; set; } = null!;

    [Input("The mail's body; Liquid.", Required = true, UIHint = "multiline")]
    public Input<string> Body { get; set; } = null!;

    [Input("The timeline line; by default the level, the reason and who was told.", UIHint = "multiline")]
    public Input<string?>? Note { get; set; }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.CaseId();
        var level = context.Get(Level);
        if (level < 1) throw new InvalidOperationException($"the level must be 1 or more, not {level}");
        var reason = context.Get(Reason);
        var to = MailRecipients.Check(context.Get(To), recipients);
        var (subject, body) = (MailSubject.OneLine(context.Get(Subject)), context.Get(Body));
        var note = context.Get(Note, null) is { } n && !string.IsNullOrWhiteSpace(n) ? n.Trim() : $"Escalated to level {level} ({reason}): {string.Join(", ", to)} told";

        var key = context.NextEventKey();
        context.Emit(new CaseEscalated(key, caseId, level, reason, to, context.Now));
        context.Emit(new CaseTimelineEntry(key, caseId, "escalation", note, context.Now));
        context.Emit(new MailRequested(key, caseId, to, subject, body, context.Now));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
