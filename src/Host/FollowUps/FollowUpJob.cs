using System.Globalization;
using AfterSales.Host.Jobs;
using AfterSales.Persistence.FollowUps;
using AfterSales.Persistence.Mail;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.FollowUps;

/// <summary>What one run of <see cref="FollowUpJob"/> did.</summary>
internal sealed record FollowUpRun(int Created, int Reminded, int Escalated);

/// <summary>
/// Daily (<see cref="JobsOptions.FollowUpCron"/>, 08:00 in <see cref="JobsOptions.TimeZone"/>): writes the next open
/// follow-up of every key customer (a visit) and installed product (an inspection) that has none outstanding, reminds
/// owners of follow-ups due within <see cref="JobsOptions.FollowUpReminderLead"/> and escalates to the after-sales
/// manager those overdue by <see cref="JobsOptions.FollowUpEscalateAfter"/>. Idempotent: follow-ups are keyed
/// <c>visit:{customer}:{n}</c> (the subject's n-th, <see cref="FollowUpRule"/>), mails <c>follow-up-reminder:{id}</c>
/// and <c>follow-up-escalation:{id}</c>, so a second run does nothing new.
/// </summary>
internal sealed class FollowUpJob(FollowUpSchedule schedule, MailOutboxStore outbox, IOptions<JobsOptions> options,
    TimeProvider time, ILogger<FollowUpJob> logger)
{
    public const string RecurringJobId = "follow-ups";
    public const string EscalationRole = "aftersales_manager";

    public async Task<FollowUpRun> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var zone = o.FindTimeZone();
        var now = time.GetUtcNow();

        var created = await schedule.CreateNextAsync(now, zone, cancellationToken);

        var reminded = 0;
        var remindBy = now + o.FollowUpReminderLead;
        foreach (var due in await schedule.DueAsync(remindBy, FollowUpRule.ReminderKeyPrefix, cancellationToken))
        {
            if (due.OwnerEmail is not { Length: > 0 } address)
            {
                logger.LogWarning("Follow-up {Id}: its owner {Owner} has no mail address, so no reminder", due.Id, due.Owner);
                continue;
            }
            var subject = $"{Title(due.Kind)} due {Local(due.DueAt, zone)}: {due.Subject}";
            var body = $"{subject}\n\nOwner: {due.Owner}\nFollow-up {due.Id} ({due.Kind} of {due.SubjectId}); mark it done with POST /api/follow-ups/{due.Id}/done.\n";
            if (await outbox.QueueAsync(FollowUpRule.ReminderKey(due.Id), null, [address], subject, body, now,
                    cancellationToken))
                reminded++;
        }

        var escalated = 0;
        var overdueSince = now - o.FollowUpEscalateAfter;
        foreach (var due in await schedule.DueAsync(overdueSince, FollowUpRule.EscalationKeyPrefix, cancellationToken))
        {
            var recipients = await outbox.RoleAddressesAsync(EscalationRole, cancellationToken);
            var subject = $"Overdue {Title(due.Kind).ToLowerInvariant()} (due {Local(due.DueAt, zone)}): {due.Subject}";
            var body = $"{subject}\n\nOwner: {due.Owner}\nFollow-up {due.Id} ({due.Kind} of {due.SubjectId}) is overdue by more than {o.FollowUpEscalateAfter.TotalDays:0.#} days.\n";
            await outbox.QueueAsync(FollowUpRule.EscalationKey(due.Id), null, recipients, subject, body, now,
                cancellationToken);
            if (await schedule.EscalateAsync(due.Id, cancellationToken)) escalated++;
        }
        // Escalated follow-ups whose mail was queued by a run that stopped before the update.
        escalated += await schedule.EscalateQueuedAsync(cancellationToken);

        logger.LogInformation("Follow-ups: {Created} created, {Reminded} reminders and {Escalated} escalations queued", created, reminded, escalated);
        return new FollowUpRun(created, reminded, escalated);
    }

    private static string Title(string kind) => kind == FollowUpRule.Visit ? "Customer visit" : "Product inspection";

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
