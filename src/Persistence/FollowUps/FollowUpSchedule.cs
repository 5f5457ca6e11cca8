using Npgsql;
using NpgsqlTypes;
using static AfterSales.Persistence.Runtime.BatchSql;

namespace AfterSales.Persistence.FollowUps;

/// <summary>
/// An open follow-up that is due, with what its mails need: the owner's address and a readable subject.
/// </summary>
public sealed record DueFollowUp(
    long Id, string Kind, string SubjectId, DateTimeOffset DueAt, string Owner, string? OwnerEmail, string Subject);

/// <summary>
/// The follow-up job's statements on <c>follow_ups</c>, <c>customers</c> and <c>installed_products</c>, on the jobs'
/// pool. When a next follow-up is due is <see cref="FollowUpRule"/>'s to say; this reads what it needs and writes what
/// it says.
/// </summary>
public sealed class FollowUpSchedule(JobsDatabase database)
{
    // Subjects with nothing outstanding (open or escalated: an escalated follow-up is still to do), with their last
    // completion and how many follow-ups they have had. Only key customers with an interval are visited.
    private const string SubjectsSql = """
        select s.kind, s.id, s.owner, s.every, s.created_at, s.installed_at, f.last_done, f.written
        from (
            select 'visit' as kind, c.id, c.owner, c.visit_interval as every, c.created_at, null::date as installed_at
            from aftersales.customers c
            where c.key_customer and c.visit_interval is not null
            union all
            select 'inspection', p.id, p.owner, p.inspection_interval, null::timestamptz, p.installed_at
            from aftersales.installed_products p
        ) s
        cross join lateral (
            select max(x.done_at) as last_done, count(*) as written
            from aftersales.follow_ups x where x.kind = s.kind and x.subject_id = s.id
        ) f
        where not exists (select from aftersales.follow_ups o
                          where o.kind = s.kind and o.subject_id = s.id and o.status <> 'done')
        """;

    // The key makes concurrent runs (and a completion) write one; the guard keeps a subject to one outstanding.
    private const string InsertSql = """
        insert into aftersales.follow_ups (kind, subject_id, due_at, owner, status, event_key, created_at)
        select n.kind, n.subject_id, n.due_at, n.owner, 'open', n.event_key, $6
        from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[])
            as n(kind, subject_id, due_at, owner, event_key)
        where not exists (select from aftersales.follow_ups o
                          where o.kind = n.kind and o.subject_id = n.subject_id and o.status <> 'done')
        on conflict (event_key) do nothing
        """;

    // $2: the prefix of the mail's event key; a follow-up whose mail of that kind is queued is left out.
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

    private const string EscalateSql =
        "update aftersales.follow_ups set status = 'escalated' where id = $1 and status = 'open'";

    // Escalated follow-ups whose mail was queued by a run that stopped before the update.
    private const string EscalateQueuedSql = """
        update aftersales.follow_ups f set status = 'escalated'
        where f.status = 'open' and exists (select from aftersales.mail_outbox m where m.event_key = $1 || f.id)
        """;

    /// <summary>
    /// Writes the next open follow-up of every key customer and installed product that has none outstanding, by
    /// <see cref="FollowUpRule"/>; a product's start is its installation day in <paramref name="zone"/>. Answers how
    /// many were written.
    /// </summary>
    public async Task<int> CreateNextAsync(DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var next = new List<FollowUpEntity>();
        await using (var subjects = database.Pool.CreateCommand(SubjectsSql))
        await using (var reader = await subjects.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var kind = reader.GetString(0);
                var start = kind == FollowUpRule.Visit
                    ? reader.GetFieldValue<DateTimeOffset>(4)
                    : FollowUpRule.InstallationStart(reader.GetFieldValue<DateOnly>(5), zone);
                DateTimeOffset? lastDone = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6);
                var interval = reader.GetFieldValue<TimeSpan>(3);
                next.Add(FollowUpRule.Next(kind, reader.GetString(1), reader.GetString(2), interval,
                    FollowUpRule.CountsFrom(lastDone, start), reader.GetInt64(7), now));
            }
        }
        if (next.Count == 0) return 0;

        await using var insert = database.Pool.CreateCommand(InsertSql);
        insert.Parameters.Add(TextArray(next.Select(n => n.Kind)));
        insert.Parameters.Add(TextArray(next.Select(n => n.SubjectId)));
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            TypedValue = [.. next.Select(n => n.DueAt.ToUniversalTime())],
        });
        insert.Parameters.Add(TextArray(next.Select(n => n.Owner)));
        insert.Parameters.Add(TextArray(next.Select(n => n.EventKey)));
        insert.Parameters.Add(Time(now));
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Open follow-ups due by <paramref name="dueBy"/> (overdue ones included) whose mail keyed
    /// <paramref name="mailKeyPrefix"/><c>{id}</c> is not queued yet, by due date.
    /// </summary>
    public async Task<IReadOnlyList<DueFollowUp>> DueAsync(DateTimeOffset dueBy, string mailKeyPrefix,
        CancellationToken cancellationToken)
    {
        await using var command = database.Pool.CreateCommand(DueSql);
        command.Parameters.Add(Time(dueBy));
        command.Parameters.Add(Text(mailKeyPrefix));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<DueFollowUp>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new DueFollowUp(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? reader.GetString(2) : reader.GetString(6)));
        return list;
    }

    /// <summary>Marks an open follow-up escalated; answers whether it was open.</summary>
    public async Task<bool> EscalateAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.Pool.CreateCommand(EscalateSql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Marks escalated the open follow-ups whose escalation mail is queued (a run stopped between the two); answers how
    /// many.
    /// </summary>
    public async Task<int> EscalateQueuedAsync(CancellationToken cancellationToken)
    {
        await using var command = database.Pool.CreateCommand(EscalateQueuedSql);
        command.Parameters.Add(Text(FollowUpRule.EscalationKeyPrefix));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
