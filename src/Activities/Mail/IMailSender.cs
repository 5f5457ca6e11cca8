namespace AfterSales.Activities.Mail;

/// <summary>Sends mail. Implementations do not retry: the caller (a background job) does.</summary>
public interface IMailSender
{
    /// <summary>
    /// Sends the message once. Throws <see cref="MailDeliveryException"/> when the server cannot be reached or does
    /// not accept the message, and <see cref="ArgumentException"/> when the request itself is invalid (no recipient,
    /// an address or header that does not parse), which no retry will fix. Safe to call again with the same request.
    /// </summary>
    Task SendAsync(MailMessageRequest message, CancellationToken ct);
}
