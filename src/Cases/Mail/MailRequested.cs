namespace AfterSales.Cases.Mail;

/// <summary>
/// A mail to send about the case, rendered already. <paramref name="To"/> holds recipients as
/// the Activities' <c>MailRecipients</c> describes them (<c>role:gm</c>, <c>user:li.wei</c>, <c>customer</c>, <c>owner</c>, an
/// address): the outbox resolves them to addresses when it sends, from the users, roles and case it knows. Sent once per
/// <see cref="ICaseEffect.EventKey"/>: derive the Message-Id from it so a re-send after a failure is recognisable.
/// The mail is recorded on the case.
/// </summary>
[EffectName("mail.requested")]
public sealed record MailRequested(
    string EventKey, string CaseId, IReadOnlyList<string> To, string Subject, string Body, DateTimeOffset At)
    : ICaseEffect
{
    /// <summary>The recipient that names the case's customer, as workflows write it.</summary>
    public const string Customer = "customer";
}
