using Npgsql;
using static AfterSales.Persistence.Runtime.BatchSql;

namespace AfterSales.Persistence.Mail;

/// <summary>Queues a mail in the outbox from a burst, resolving its recipients to addresses.</summary>
internal static class MailCommands
{
    // Recipients as workflows name them: role:<role> (users holding the role, plus the configured addresses of the
    // role, $7), user:<name>, customer (the case's customer), owner (the case's owner) or an address. Queued once per
    // event key. A mail nobody could be resolved for is kept as failed, so it shows on the case rather than vanishing.
    private const string QueueSql = """
        with spec as (
            select distinct r from unnest($3::text[]) as r
        ),
        addresses as (
            select u.email as address from spec join aftersales.users u on spec.r like 'role:%' and u.roles @> array[substr(spec.r, 6)]
            union
            select jsonb_array_elements_text(coalesce($7::jsonb -> substr(spec.r, 6), '[]'::jsonb)) from spec where spec.r like 'role:%'
            union
            select u.email from spec join aftersales.users u on spec.r like 'user:%' and u.user_name = substr(spec.r, 6)
            union
            select c.customer ->> 'email' from spec join aftersales.cases c on spec.r = 'customer' and c.id = $2
            union
            select u.email from spec join aftersales.cases c on spec.r = 'owner' and c.id = $2 join aftersales.users u on u.user_name = c.owner
            union
            select spec.r from spec where spec.r like '%@%' and spec.r not like 'role:%' and spec.r not like 'user:%'
        ),
        resolved as (
            select coalesce(array_agg(a.address order by a.address) filter (where coalesce(a.address, '') <> ''), '{}') as recipients
            from addresses a
        ),
        queued as (
            insert into aftersales.mail_outbox (event_key, case_id, recipients, subject, body, status, attempts, last_error, created_at)
            select $1, (select id from aftersales.cases where id = $2), r.recipients, $4, $5,
                case when cardinality(r.recipients) = 0 then 'failed' else 'pending' end, 0,
                case when cardinality(r.recipients) = 0 then 'no address for ' || array_to_string($3::text[], ', ') end, $6
            from resolved r
            on conflict (event_key) do nothing
            returning case_id, recipients, status
        )
        insert into aftersales.case_events (case_id, at, kind, text, data)
        select q.case_id, $6, 'mail',
            case when q.status = 'pending' then 'Mail queued to ' || array_to_string(q.recipients, ', ') || ': ' || $4
                 else 'Mail not sent, no address for ' || array_to_string($3::text[], ', ') || ': ' || $4 end,
            jsonb_build_object('eventKey', $1::text, 'to', to_jsonb($3::text[]), 'recipients', to_jsonb(q.recipients))
        from queued q
        where q.case_id is not null
        """;

    public static void Queue(NpgsqlBatch batch, string eventKey, string? caseId, IReadOnlyList<string> to, string subject, string body,
        DateTimeOffset at, string roleAddressesJson) =>
        Add(batch, QueueSql, Text(eventKey), Text(caseId), TextArray(to), Text(subject), Text(body), Time(at), Jsonb(roleAddressesJson));
}
