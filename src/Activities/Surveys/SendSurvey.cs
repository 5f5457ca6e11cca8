using AfterSales.Activities.Mail;
using AfterSales.Cases.Surveys;
using AfterSales.Workflows;

namespace AfterSales.Activities.Surveys;

/// <summary>
/// Asks the customer to rate the service: a mail with a personal link to the SatisfactionSurvey form. The token and
/// link are made where the effect is applied; the templates place the link with <c>{{ surveyLink }}</c>. Emits
/// <see cref="SurveyRequested"/>.
/// </summary>
[Activity("SendSurvey", "Surveys", "Mails the customer a personal link to the satisfaction survey; write {{ surveyLink }} where the link goes.", DisplayName = "Send survey")]
public sealed class SendSurvey(MailRecipientOptions recipients) : IActivity
{
    public const string FormName = "SatisfactionSurvey";

    [Input("Recipients, usually the customer: role:<role>, user:<name>, customer, owner or an address allowed in Mail:AllowedAddresses.", DefaultJson = """["customer"]""", UIHint = "list")]
    public Input<string[]> To { get; set; } = null!;

    [Input("How long the link stays valid.", DefaultJson = "\"P14D\"", UIHint = "duration")]
    public Input<TimeSpan> ExpiresIn { get; set; } = null!;

    [Input("The subject; Liquid.", Required = true)]
    public Input<string> Subject { get; set; } = null!;

    [Input("The body; Liquid, with {{ surveyLink }} where the link goes.", Required = true, UIHint = "multiline")]
    public Input<string> Body { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.CaseId();
        var to = MailRecipients.Check(context.Get(To), recipients);
        var expiresIn = context.Get(ExpiresIn);
        if (expiresIn <= TimeSpan.Zero) throw new InvalidOperationException($"the link must stay valid for some time, not {expiresIn}");
        var (subject, body) = (MailSubject.OneLine(context.Get(Subject)), context.Get(Body));
        context.Emit(new SurveyRequested(context.NextEventKey(), caseId, FormName, to, subject, body, expiresIn, context.Now + expiresIn, context.Now));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
