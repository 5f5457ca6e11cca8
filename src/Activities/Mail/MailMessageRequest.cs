namespace AfterSales.Activities.Mail;

/// <summary>
/// One mail to send. Addresses may carry a display name (<c>张三 &lt;zhang@example.com&gt;</c>); subject and bodies
/// may be in any language (they are sent as UTF-8).
/// </summary>
/// <param name="To">At least one recipient.</param>
/// <param name="TextBody">The plain-text body; with <see cref="HtmlBody"/> it becomes the text alternative.</param>
public sealed record MailMessageRequest(IReadOnlyList<string> To, string Subject, string TextBody)
{
    public IReadOnlyList<string> Cc { get; init; } = [];

    public string? HtmlBody { get; init; }

    /// <summary>
    /// A stable id for the event the mail reports, e.g. <c>&lt;case-123.escalation-1@aftersales&gt;</c> (angle brackets
    /// optional), so a re-send after a failure carries the same Message-Id and can be recognised as a duplicate.
    /// When null every send gets a new id.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// Extra header fields, e.g. <c>X-AfterSales-Case</c>. Fields the request sets otherwise (From, To, Cc, Subject,
    /// Message-Id, Date, MIME and Content fields) are refused.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
