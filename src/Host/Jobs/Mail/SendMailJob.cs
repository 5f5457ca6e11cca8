using AfterSales.Activities.Mail;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Jobs.Mail;

/// <summary>
/// Sends one outbox row, under its row lock, through <see cref="IMailSender"/>. A failed send is recorded on the row
/// (attempts, last error) and thrown, so Hangfire retries it after the next of <see cref="JobsOptions.MailRetryDelays"/>
/// (<see cref="MailRetryFilters"/>); the last failure marks the row <c>failed</c>. A row that is no longer pending is left
/// alone: a mail is sent at most once per row, except when a Host dies between the server's acceptance and the commit,
/// when it goes again with the same Message-Id.
/// </summary>
internal sealed class SendMailJob(MailOutbox outbox, IMailSender sender, IOptions<JobsOptions> options, TimeProvider time, ILogger<SendMailJob> logger)
{
    public static string MessageId(long id) => $"<outbox-{id}@aftersales>";

    public async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        await using var locked = await outbox.LockAsync(id, cancellationToken);
        if (locked is null)
        {
            logger.LogDebug("Outbox mail {Id} is sent, failed or gone: nothing to send", id);
            return;
        }
        var mail = locked.Mail;
        if (mail.Recipients.Length == 0)
        {
            await locked.FailedAsync("the mail has no recipient: nobody in its roles or users has an email address", final: true, retryAt: null);
            logger.LogError("Outbox mail {Id} ({EventKey}) has no recipient and is failed", id, mail.EventKey);
            return;
        }

        var messageId = MessageId(id);
        var headers = new Dictionary<string, string> { ["X-AfterSales-Event"] = mail.EventKey };
        if (mail.CaseId is not null) headers["X-AfterSales-Case"] = mail.CaseId;
        try
        {
            await sender.SendAsync(new MailMessageRequest(mail.Recipients, mail.Subject, mail.Body) { MessageId = messageId, Headers = headers }, cancellationToken);
        }
        catch (ArgumentException e)
        {
            // The mail itself is wrong (an address that does not parse): no retry will fix it.
            await locked.FailedAsync(e.Message, final: true, retryAt: null);
            logger.LogError("Outbox mail {Id} ({EventKey}) cannot be sent and is failed: {Reason}", id, mail.EventKey, e.Message);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var delays = options.Value.EffectiveMailRetryDelays;
            var attempt = mail.Attempts + 1;
            var final = attempt > delays.Count;
            // The pump leaves the row to this job's retry, and claims it again only if that retry never comes.
            var retryAt = final ? (DateTimeOffset?)null : time.GetUtcNow() + delays[attempt - 1] + options.Value.MailClaimTimeout;
            await locked.FailedAsync(e.Message, final, retryAt);
            if (final) logger.LogError("Outbox mail {Id} ({EventKey}) failed for good after {Attempts} attempts: {Reason}", id, mail.EventKey, attempt, e.Message);
            throw;
        }
        await locked.SentAsync(time.GetUtcNow(), messageId);
    }
}
