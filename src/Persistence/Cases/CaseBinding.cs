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
}

/// <summary>A burst tried to change a case that does not belong to its instance: nothing of the burst was written.</summary>
public sealed class CaseBindingException(string message, Exception inner) : Exception(message, inner);
