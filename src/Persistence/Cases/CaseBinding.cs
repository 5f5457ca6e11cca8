using Npgsql;
using static AfterSales.Persistence.Runtime.BatchSql;

namespace AfterSales.Persistence.Cases;

/// <summary>
/// A case belongs to the workflow instance it was opened with (<c>cases.workflow_instance_id</c>) and to that instance's
/// children, grandchildren…: nothing else may change it. Before a burst's case statements, the batch checks that its
/// instance belongs to every case it touches; when not, the check raises <see cref="SqlState"/> and the whole batch,
/// the instance's own changes included, is undone. The check is a function (migration <c>AddCaseBinding</c>) because SQL
/// has no way to raise an error but from a procedure.
/// </summary>
internal static class CaseBinding
{
    /// <summary>The SQLSTATE the check raises.</summary>
    public const string SqlState = "AS001";

    private const string CheckSql = "select aftersales.check_case_instance($1, $2)";

    /// <summary>Adds the check that <paramref name="instanceId"/> (or an ancestor) is the instance <paramref name="caseId"/> was opened with; no case, no check.</summary>
    public static void Check(NpgsqlBatch batch, string caseId, string instanceId) => Add(batch, CheckSql, Text(caseId), Text(instanceId));

    /// <summary>The function the check calls: a case that does not exist is no one's (effects about it change nothing).</summary>
    internal const string CreateFunctionSql = $$"""
        create function aftersales.check_case_instance(p_case_id text, p_instance_id text) returns void
        language plpgsql as $check$
        declare
            bound text;
        begin
            select workflow_instance_id into bound from aftersales.cases where id = p_case_id;
            if not found then
                return;
            end if;
            if bound is not null and exists (
                with recursive chain (id, parent, depth) as (
                    select id, parent_instance_id, 1 from aftersales.workflow_instances where id = p_instance_id
                    union all
                    select i.id, i.parent_instance_id, c.depth + 1
                    from aftersales.workflow_instances i join chain c on i.id = c.parent
                    where c.depth < 64
                )
                select from chain where id = bound)
            then
                return;
            end if;
            raise exception using errcode = '{{SqlState}}',
                message = format('case %s belongs to workflow instance %s and its children, not to %s', p_case_id, coalesce(bound, '(none)'), p_instance_id);
        end
        $check$
        """;

    internal const string DropFunctionSql = "drop function if exists aftersales.check_case_instance(text, text)";
}

/// <summary>A burst tried to change a case that does not belong to its instance: nothing of the burst was written.</summary>
public sealed class CaseBindingException(string message, Exception inner) : Exception(message, inner);
