using AfterSales.Cases.Mail;
using AfterSales.Workflows;

namespace AfterSales.Activities.Mail;

/// <summary>
/// Asks for a mail about the case: rendered now (subject and body are usually Liquid over <c>variables</c>, <c>input</c>,
/// <c>correlationId</c> and the host's globals), sent later by the outbox. Emits <see cref="MailRequested"/>.
/// </summary>
[Activity("SendEmail", "Mail", "Sends an email about the case, from Liquid templates, to roles, users, the customer or the owner.", DisplayName = "Send email")]
public sealed class SendEmail(MailRecipientOptions recipients) : IActivity
{
    [Input("Recipients: role:<role>, user:<name>, customer, owner or an address allowed in Mail:AllowedAddresses.", Required = true, UIHint = "list")]
    public Input<string[]> To { get; set; } = null!;

    [Input("The subject; Liquid, e.g. [{{ input.caseNumber }}] Return visit due.", Required = true)]
    public Input<string> Subject { get; set; } = null!;

    [Input("The body; Liquid.", Required = true, UIHint = "multiline")]
    public Input<string> Body { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.CaseId();
        var to = MailRecipients.Check(context.Get(To), recipients);
        var (subject, body) = (MailSubject.OneLine(context.Get(Subject)), context.Get(Body));
        context.Emit(new MailRequested(context.NextEventKey(), caseId, to, subject, body, context.Now));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
