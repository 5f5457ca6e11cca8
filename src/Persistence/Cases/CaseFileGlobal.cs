using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Workflows;
using AfterSales.Workflows.Expressions;
using Npgsql;

namespace AfterSales.Persistence.Cases;

/// <summary>
/// <c>caseFile</c> in expressions (<c>case</c> is reserved in JavaScript): the case the instance works on, read by its
/// correlation id as committed before the burst (what the burst itself changes shows from the next burst on). Before the
/// row exists, in the first burst of the case's workflow, it is the instance's <c>case</c> input.
/// </summary>
/// <remarks>
/// Globals resolve synchronously, once per burst and only when an expression runs, so this is one indexed read
/// for bursts that use scripts or templates, none for the others. It reads through <see cref="SideReadsDataSource"/> (see
/// there for why).
/// </remarks>
internal sealed class CaseFileGlobal(SideReadsDataSource sideReads) : IWorkflowGlobal
{
    private readonly NpgsqlDataSource dataSource = sideReads.DataSource;
    private const string Sql = """
        select number, kind, channel, customer, product, hosts, accessories, description, status, owner, escalation_level,
            sla_paused_since, sla_paused_total
        from aftersales.cases where id = $1
        """;

    public string Name => "caseFile";

    public JsonNode? Resolve(WorkflowInstance instance)
    {
        if (instance.CorrelationId is not { } caseId) return instance.Input["case"]?.DeepClone();
        using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return instance.Input["case"]?.DeepClone();
        var file = CaseFile.Build(caseId, reader.GetString(0), reader.GetString(1), reader.GetString(2), JsonNode.Parse(reader.GetString(3)),
            JsonNode.Parse(reader.GetString(4)), reader.GetInt32(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt32(10));
        // What SlaTimer needs to push its deadline back by the time the case waited for the customer.
        file["sla"] = new JsonObject
        {
            ["pausedSince"] = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11).ToString("O"),
            ["pausedTotal"] = DurationFormat.Format(reader.GetFieldValue<TimeSpan>(12)),
        };
        return file;
    }

}
