using AfterSales.Activities.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace AfterSales.Host.Jobs.Mail;

/// <summary>
/// Sends through the SMTP server of <see cref="SmtpOptions"/> with MailKit: one connection per message, so nothing
/// is shared between calls and a failed send can simply be called again.
/// </summary>
internal sealed class SmtpMailSender(SmtpOptions options, TimeProvider time, ILogger<SmtpMailSender> logger) : IMailSender
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Message-Id", "Date", "MIME-Version",
    };

    public async Task SendAsync(MailMessageRequest message, CancellationToken ct)
    {
        using var mime = Compose(message);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host, options.Port, SocketOptions(options.Security), ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            await client.SendAsync(mime, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Everything in here is talking to the server (the request was checked by Compose), so any failure
            // is a delivery failure the caller may retry; only the caller's own cancellation passes through.
            throw new MailDeliveryException(options.Host, options.Port, e.Message, e);
        }

        logger.LogInformation("Sent mail {MessageId} to {RecipientCount} recipients through {Host}:{Port}",
            mime.MessageId, message.To.Count + message.Cc.Count, options.Host, options.Port);

        // The server has accepted the message: a failing or cancelled QUIT must not make the caller send it twice.
        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Closing the SMTP connection to {Host}:{Port} failed after mail {MessageId} was accepted",
                options.Host, options.Port, mime.MessageId);
        }
    }

    private MimeMessage Compose(MailMessageRequest request)
    {
        if (request.To.Count == 0) throw new ArgumentException("A mail needs at least one To address");

        var mime = new MimeMessage { Date = time.GetUtcNow(), Subject = request.Subject };
        mime.From.Add(Address(options.From, "From"));
        foreach (var to in request.To) mime.To.Add(Address(to, "To"));
        foreach (var cc in request.Cc) mime.Cc.Add(Address(cc, "Cc"));
        if (request.MessageId is { } id) mime.MessageId = MessageId(id);
        foreach (var (name, value) in request.Headers)
        {
            if (ReservedHeaders.Contains(name) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"Header '{name}' is set by the request's own fields, not through Headers");
            mime.Headers.Add(name, value); // throws ArgumentException on a malformed field name
        }

        // BodyBuilder writes UTF-8 text parts, and a multipart/alternative (text first) when there is HTML.
        mime.Body = new BodyBuilder { TextBody = request.TextBody, HtmlBody = request.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static MailboxAddress Address(string text, string field) =>
        SmtpOptions.TryParseAddress(text, out var address)
            ? address
            : throw new ArgumentException($"{field} '{text}' is not an email address");

    private static string MessageId(string id)
    {
        // MimeKit would quietly drop whitespace from a malformed id, and a changed id defeats its purpose.
        var bare = id.StartsWith('<') && id.EndsWith('>') ? id[1..^1] : id;
        var at = bare.IndexOf('@');
        if (at <= 0 || at == bare.Length - 1 || bare.IndexOf('@', at + 1) >= 0 || bare.Any(c => c is <= ' ' or > '~' or '<' or '>'))
            throw new ArgumentException($"Message-Id '{id}' is not of the form <left@right>");
        return bare;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security"),
    };
}
