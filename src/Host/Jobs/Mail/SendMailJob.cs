using AfterSales.Activities.Mail;
using AfterSales.Persistence.Mail;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Jobs.Mail;

/// <summary>
/// Sends one outbox row, under its row lock, through <see cref="IMailSender"/>. A failed send is recorded on the row
/// (attempts, last error) and thrown, so Hangfire retries it after the next of <see cref="JobsOptions.MailRetryDelays"/>
/// (<see cref="MailRetryFilters"/>); the last failure marks the row <c>failed</c>. A row that is no longer pending is left
/// alone: a mail is sent at most once per row, except when a Host dies between the server's acceptance and the commit,
/// when it goes again with the same Message-Id.
/// <para>
/// Once the server has accepted a mail, the job never throws into Hangfire's retry (which would send it again): a failure to
/// record it (the database restarting, the connection dropped) is retried, on new connections with back-off, until the row
/// says <c>sent</c> or the Host stops.
/// </para>
/// </summary>
internal sealed class SendMailJob(MailOutboxStore outbox, IMailSender sender, IOptions<JobsOptions> options,
    TimeProvider time, ILogger<SendMailJob> logger)
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
            // The HTML part is the text's twin, made at each send: the outbox keeps one body.
            var message = new MailMessageRequest(mail.Recipients, mail.Subject, mail.Body)
            {
                HtmlBody = MailHtml.Render(mail.Subject, mail.Body), MessageId = messageId, Headers = headers,
            };
            await sender.SendAsync(message, cancellationToken);
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
        var sentAt = time.GetUtcNow();
        try
        {
            await locked.SentAsync(sentAt, messageId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordSentAsync(mail, sentAt, messageId, e, cancellationToken);
        }
    }

    /// <summary>
    /// Waits between the tries of a record that failed, then every second: a restart takes seconds, and once the row's claim
    /// has lapsed (an outage longer than <see cref="JobsOptions.MailClaimTimeout"/>) the record must come before another
    /// Host's pump claims the row again, or that Host sends it again (with the same Message-Id).
    /// </summary>
    internal static readonly TimeSpan[] RecordRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

    /// <summary>Holds the fact that the server accepted the mail and records it as soon as the database lets it.</summary>
    private async Task RecordSentAsync(OutboxMail mail, DateTimeOffset sentAt, string messageId, Exception first, CancellationToken cancellationToken)
    {
        logger.LogWarning("Outbox mail {Id} ({EventKey}) was accepted by the server but not recorded ({Reason}): recording it again",
            mail.Id, mail.EventKey, first.Message);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // Real time whatever the injected clock says, as for the pumps: a test may fake "now", the retry must still run.
                await Task.Delay(RecordRetryDelays[Math.Min(attempt, RecordRetryDelays.Length - 1)], cancellationToken);
                await outbox.SentAsync(mail.Id, sentAt, messageId, cancellationToken);
                logger.LogInformation("Outbox mail {Id} is recorded sent after {Attempts} more tries", mail.Id, attempt + 1);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The Host stops: the one case left in which the mail may go again, with the same Message-Id.
                logger.LogError("Outbox mail {Id} ({EventKey}) was sent but the Host stopped before it could be recorded: it may be sent again as {MessageId}",
                    mail.Id, mail.EventKey, messageId);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Outbox mail {Id} is still not recorded sent ({Reason}): trying again", mail.Id, e.Message);
            }
        }
    }
}
