using AfterSales.Persistence.Mail;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Jobs.Mail;

/// <summary>
/// In every Host, every <see cref="JobsOptions.MailPollInterval"/>: claims pending outbox rows (SKIP LOCKED, so Hosts never
/// claim the same row) and enqueues one <see cref="SendMailJob"/> each. A claim lapses after
/// <see cref="JobsOptions.MailClaimTimeout"/>, so a row whose job was lost (a Host died before enqueueing it) is claimed again.
/// </summary>
internal sealed class MailPump(MailOutboxStore outbox, IBackgroundJobClient jobs, IOptions<JobsOptions> options,
    TimeProvider time, ILogger<MailPump> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        using var timer = new PeriodicTimer(o.MailPollInterval);
        do
        {
            try
            {
                var now = time.GetUtcNow();
                var ids = await outbox.ClaimAsync(now, now + o.MailClaimTimeout, o.MailBatchSize, stoppingToken);
                foreach (var id in ids)
                    jobs.Enqueue<SendMailJob>(JobQueues.Default, job => job.SendAsync(id, CancellationToken.None));
                if (ids.Count > 0) logger.LogDebug("Enqueued {Count} outbox mails", ids.Count);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The mail pump could not claim or enqueue outbox mails (it tries again): {Reason}", e.Message);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }
}
