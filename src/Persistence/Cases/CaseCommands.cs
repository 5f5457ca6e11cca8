using System.Text.Json.Nodes;
using AfterSales.Cases;
using Npgsql;
using static AfterSales.Persistence.Runtime.BatchSql;

namespace AfterSales.Persistence.Cases;

/// <summary>The statements that change a case row and its timeline, added to a burst's batch.</summary>
internal static class CaseCommands
{
    private const string InsertCaseSql = """
        insert into aftersales.cases
            (id, number, kind, channel, customer, product, hosts, accessories, description, status, workflow_instance_id, created_at, updated_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11, $11)
        """;

    // After the case row: a number another case took first fails the burst on ux_cases_number before the counter moves.
    private const string AdvanceCounterSql = """
        insert into aftersales.case_number_counters as c (year, last) values ($1, $2)
        on conflict (year) do update set last = greatest(c.last, excluded.last)
        """;

    // Expired keys go first, so a key may be used again after its lifetime; a live one fails the burst on its primary key.
    private const string DeleteExpiredKeysSql = "delete from aftersales.case_request_keys where created_at < $1";

    private const string InsertKeySql = """
        insert into aftersales.case_request_keys (user_name, key, request_hash, case_id, created_at) values ($1, $2, $3, $4, $5)
        """;

    private const string InsertEventSql = """
        insert into aftersales.case_events (case_id, at, kind, actor, text, data)
        select $1, $2, $3, $4, $5, $6
        where exists (select from aftersales.cases where id = $1)
        """;

    // The one status transition. A final case (closed, rejected) keeps its status: the refused change is written on
    // the timeline instead of failing the burst, which would undo the workflow's step for a bookkeeping reason.
    // Waiting for the customer pauses the SLA clock; leaving that status adds the pause to the paused total.
    private const string ChangeStatusSql = """
        with current_case as (
            select id, status from aftersales.cases where id = $1
        ),
        changed as (
            update aftersales.cases c
            set status = $2,
                updated_at = $3,
                closed_at = case when $2 in ('closed', 'rejected') then coalesce(c.closed_at, $3) end,
                sla_paused_since = case when $2 = 'waiting_customer' then coalesce(c.sla_paused_since, $3) end,
                sla_paused_total = c.sla_paused_total
                    + case when $2 <> 'waiting_customer' and c.sla_paused_since is not null then $3 - c.sla_paused_since else interval '0' end
            where c.id = $1 and (c.status not in ('closed', 'rejected') or c.status = $2)
            returning c.id
        )
        insert into aftersales.case_events (case_id, at, kind, text, data)
        select cc.id, $3, 'warning', 'Status change to ' || $2 || ' refused: the case is ' || cc.status,
            jsonb_build_object('eventKey', $4::text, 'status', $2::text)
        from current_case cc
        where not exists (select from changed)
        """;

    private const string AssignOwnerSql = "update aftersales.cases set owner = $2, updated_at = $3 where id = $1";

    // A higher level replaces a lower one; a repeated or lower level leaves level and time alone.
    private const string EscalateSql = """
        update aftersales.cases
        set escalated_at = case when $2 > escalation_level then $3 else escalated_at end,
            escalation_level = greatest(escalation_level, $2),
            updated_at = $3
        where id = $1
        """;

    private const string StartFirstResponseClockSql = "update aftersales.cases set first_response_due_at = $2, updated_at = $3 where id = $1";

    // The first response counts; later ones change nothing.
    private const string RecordFirstResponseSql = """
        update aftersales.cases set first_responded_at = $2, updated_at = $2 where id = $1 and first_responded_at is null
        """;

    public static void Open(NpgsqlBatch batch, CaseOpened c, string instanceId)
    {
        Add(batch, InsertCaseSql,
            Text(c.CaseId), Text(c.Number), Text(c.Kind), Text(c.Channel), Jsonb(c.Customer.ToJson().ToJsonString()), Jsonb(c.Product.ToJson().ToJsonString()),
            Int(c.Hosts), Int(c.Accessories), Text(c.Description), Text(instanceId), Time(c.At));
        var (year, sequence) = CaseNumbers.Parse(c.Number);
        Add(batch, AdvanceCounterSql, Int(year), Int(sequence));
        if (c.RequestKey is { } key)
        {
            Add(batch, DeleteExpiredKeysSql, Time(c.At - CaseService.RequestKeyLifetime));
            Add(batch, InsertKeySql, Text(key.UserName), Text(key.Key), Text(key.RequestHash), Text(c.CaseId), Time(c.At));
        }
        AddEvent(batch, c.CaseId, c.At, "opened", c.OpenedBy, $"Case {c.Number} opened: {c.Kind.Replace('_', ' ')} by {c.Channel}",
            new JsonObject { ["number"] = c.Number, ["kind"] = c.Kind, ["channel"] = c.Channel, ["instanceId"] = instanceId });
    }

    public static void AddEvent(NpgsqlBatch batch, string caseId, DateTimeOffset at, string kind, string? actor, string text, JsonObject? data) =>
        Add(batch, InsertEventSql, Text(caseId), Time(at), Text(kind), Text(actor), Text(text), Jsonb(data?.ToJsonString()));

    public static void ChangeStatus(NpgsqlBatch batch, string caseId, string status, DateTimeOffset at, string eventKey) =>
        Add(batch, ChangeStatusSql, Text(caseId), Text(status), Time(at), Text(eventKey));

    public static void AssignOwner(NpgsqlBatch batch, string caseId, string owner, DateTimeOffset at) =>
        Add(batch, AssignOwnerSql, Text(caseId), Text(owner), Time(at));

    public static void Escalate(NpgsqlBatch batch, string caseId, int level, DateTimeOffset at) =>
        Add(batch, EscalateSql, Text(caseId), Int(level), Time(at));

    public static void StartFirstResponseClock(NpgsqlBatch batch, string caseId, DateTimeOffset dueAt, DateTimeOffset at) =>
        Add(batch, StartFirstResponseClockSql, Text(caseId), Time(dueAt), Time(at));

    public static void RecordFirstResponse(NpgsqlBatch batch, string caseId, DateTimeOffset at) =>
        Add(batch, RecordFirstResponseSql, Text(caseId), Time(at));
}
