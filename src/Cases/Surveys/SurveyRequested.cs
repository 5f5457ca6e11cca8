namespace AfterSales.Cases.Surveys;

/// <summary>
/// A satisfaction survey to send about the case. Whoever applies it makes a personal token valid until
/// <paramref name="ExpiresAt"/> (<paramref name="At"/> + <paramref name="ExpiresIn"/>), builds the survey link from it,
/// puts the link where <see cref="LinkPlaceholder"/> stands in <paramref name="Subject"/> and <paramref name="Body"/>
/// (or adds it on a line of its own at the end of the body when the body has none) and sends the mail to
/// <paramref name="To"/> (recipients as in <see cref="Mail.MailRequested"/>) once per event key. The answers fill
/// the <see cref="Form"/> form.
/// </summary>
[EffectName("survey.requested")]
public sealed record SurveyRequested(
    string EventKey,
    string CaseId,
    string Form,
    IReadOnlyList<string> To,
    string Subject,
    string Body,
    TimeSpan ExpiresIn,
    DateTimeOffset ExpiresAt,
    DateTimeOffset At) : ICaseEffect
{
    /// <summary>
    /// What stands for the survey link in a rendered survey mail. A template writes <c>{{ surveyLink }}</c>: the
    /// <c>surveyLink</c> global renders as this text, because the link does not exist before the token does.
    /// </summary>
    public const string LinkPlaceholder = "{{ surveyLink }}";
}
