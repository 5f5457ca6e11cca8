using System.Globalization;
using AfterSales.Host.Jobs;
using AfterSales.Host.Jobs.Mail;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Host.FollowUps;

/// <summary>What one run of <see cref="FollowUpJob"/> did.</summary>
internal sealed record FollowUpRun(int Created, int Reminded, int Escalated);

/// <summary>
/// Daily (<see cref="JobsOptions.FollowUpCron"/>, 08:00 in <see cref="JobsOptions.TimeZone"/>): writes the next open follow-up
/// of every key customer (a visit) and installed product (an inspection) that has none outstanding, reminds owners of
/// follow-ups due within <see cref="JobsOptions.FollowUpReminderLead"/> and escalates to the after-sales manager those overdue
/// by <see cref="JobsOptions.FollowUpEscalateAfter"/>. Idempotent: follow-ups are keyed <c>visit:{customer}:{n}</c> (the subject's n-th),
/// mails <c>follow-up-reminder:{id}</c> and <c>follow-up-escalation:{id}</c>, so a second run does nothing new.
/// </summary>
internal sealed class FollowUpJob(JobsDatabase database, MailOutbox outbox, IOptions<JobsOptions> options, TimeProvider time,
    ILogger<FollowUpJob> logger)
{
    public const string RecurringJobId = "follow-ups";
    public const string EscalationRole = "aftersales_manager";

    // The next due date counts from the last completion, else from the customer's creation or the product's installation
    // (midnight in the jobs' time zone). "Outstanding" is open or escalated: an escalated follow-up is still to do.
    private const string CreateSql = """
        insert into aftersales.follow_ups (kind, subject_id, due_at, owner, status, event_key, created_at)
        select s.kind, s.id, s.due, s.owner, 'open',
            s.kind || ':' || s.id || ':' || (select count(*) + 1 from aftersales.follow_ups f where f.kind = s.kind and f.subject_id = s.id), $1
        from (
            select 'visit' as kind, c.id, c.owner,
                coalesce((select max(f.done_at) from aftersales.follow_ups f where f.kind = 'visit' and f.subject_id = c.id), c.created_at)
                    + c.visit_interval as due
            from aftersales.customers c
            where c.key_customer and c.visit_interval is not null
            union all
            select 'inspection', p.id, p.owner,
                coalesce((select max(f.done_at) from aftersales.follow_ups f where f.kind = 'inspection' and f.subject_id = p.id),
                    p.installed_at::timestamp at time zone $2) + p.inspection_interval
            from aftersales.installed_products p
        ) s
        where not exists (select from aftersales.follow_ups f where f.kind = s.kind and f.subject_id = s.id and f.status <> 'done')
        on conflict (event_key) do nothing
        """;

    private const string DueSql = """
        select f.id, f.kind, f.subject_id, f.due_at, f.owner, u.email,
            case f.kind
                when 'visit' then coalesce(nullif(c.company, ''), c.name)
                else p.model || coalesce(' ' || p.serial, '') || ' @ ' || coalesce(nullif(pc.company, ''), pc.name) end
        from aftersales.follow_ups f
        left join aftersales.users u on u.user_name = f.owner
        left join aftersales.customers c on f.kind = 'visit' and c.id = f.subject_id
        left join aftersales.installed_products p on f.kind = 'inspection' and p.id = f.subject_id
        left join aftersales.customers pc on pc.id = p.customer_id
        where f.status = 'open' and f.due_at <= $1
          and not exists (select from aftersales.mail_outbox m where m.event_key = $2 || f.id)
        order by f.due_at, f.id
        """;

    private const string EscalateSql = "update aftersales.follow_ups set status = 'escalated' where id = $1 and status = 'open'";

    public static string ReminderKey(long id) => $"follow-up-reminder:{id}";
    public static string EscalationKey(long id) => $"follow-up-escalation:{id}";

    /// <summary>
    /// The key of the <paramref name="number"/>th follow-up (from 1) of <paramref name="kind"/> for <paramref name="subjectId"/>:
    /// two writers of the same next follow-up (two job runs, or a run and a completion) write one.
    /// </summary>
    public static string EventKey(string kind, string subjectId, long number) => $"{kind}:{subjectId}:{number}";

    public async Task<FollowUpRun> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var zone = o.FindTimeZone();
        var now = time.GetUtcNow();

        int created;
        await using (var create = database.Pool.CreateCommand(CreateSql))
        {
            create.Parameters.Add(MailOutbox.Time(now));
            create.Parameters.Add(new NpgsqlParameter<string> { TypedValue = zone.Id });
            created = await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var reminded = 0;
        foreach (var due in await DueAsync(now + o.FollowUpReminderLead, "follow-up-reminder:", cancellationToken))
        {
            if (due.OwnerEmail is not { Length: > 0 } address)
            {
                logger.LogWarning("Follow-up {Id}: its owner {Owner} has no mail address, so no reminder", due.Id, due.Owner);
                continue;
            }
            var subject = $"{Title(due.Kind)} due {Local(due.DueAt, zone)}: {due.Subject}";
            var body = $"{subject}\n\nOwner: {due.Owner}\nFollow-up {due.Id} ({due.Kind} of {due.SubjectId}); mark it done with POST /api/follow-ups/{due.Id}/done.\n";
            if (await outbox.QueueAsync(ReminderKey(due.Id), null, [address], subject, body, now, cancellationToken)) reminded++;
        }

        var escalated = 0;
        foreach (var due in await DueAsync(now - o.FollowUpEscalateAfter, "follow-up-escalation:", cancellationToken))
        {
            var recipients = await outbox.RoleAddressesAsync(EscalationRole, cancellationToken);
            var subject = $"Overdue {Title(due.Kind).ToLowerInvariant()} (due {Local(due.DueAt, zone)}): {due.Subject}";
            var body = $"{subject}\n\nOwner: {due.Owner}\nFollow-up {due.Id} ({due.Kind} of {due.SubjectId}) is overdue by more than {o.FollowUpEscalateAfter.TotalDays:0.#} days.\n";
            await outbox.QueueAsync(EscalationKey(due.Id), null, recipients, subject, body, now, cancellationToken);
            await using var update = database.Pool.CreateCommand(EscalateSql);
            update.Parameters.Add(new NpgsqlParameter<long> { TypedValue = due.Id });
            escalated += await update.ExecuteNonQueryAsync(cancellationToken);
        }
        // Escalated follow-ups whose mail was queued by a run that stopped before the update.
        await using (var rest = database.Pool.CreateCommand("""
            update aftersales.follow_ups f set status = 'escalated'
            where f.status = 'open' and exists (select from aftersales.mail_outbox m where m.event_key = 'follow-up-escalation:' || f.id)
            """))
            escalated += await rest.ExecuteNonQueryAsync(cancellationToken);

        logger.LogInformation("Follow-ups: {Created} created, {Reminded} reminders and {Escalated} escalations queued", created, reminded, escalated);
        return new FollowUpRun(created, reminded, escalated);
    }

    private sealed record Due(long Id, string Kind, string SubjectId, DateTimeOffset DueAt, string Owner, string? OwnerEmail, string Subject);

    private async Task<List<Due>> DueAsync(DateTimeOffset dueBy, string mailKeyPrefix, CancellationToken cancellationToken)
    {
        await using var command = database.Pool.CreateCommand(DueSql);
        command.Parameters.Add(MailOutbox.Time(dueBy));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mailKeyPrefix });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Due>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new Due(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? reader.GetString(2) : reader.GetString(6)));
        return list;
    }

    private static string Title(string kind) => kind == "visit" ? "Customer visit" : "Product inspection";

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
