using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Execution;

/// <summary>
/// A definition version ready to run: activities created and their inputs compiled once, connections indexed
/// by source port. Immutable and shared by every run of that version.
/// </summary>
public sealed class CompiledWorkflow
{
    internal CompiledWorkflow(WorkflowDefinition definition, Dictionary<string, CompiledNode> nodes, CompiledNode start, IReadOnlyList<ValidationProblem> warnings)
    {
        Definition = definition;
        Nodes = nodes;
        Start = start;
        Warnings = warnings;
        VariableTypes = definition.Variables.ToDictionary(v => v.Name, v => v.Type, StringComparer.Ordinal);
    }

    public WorkflowDefinition Definition { get; }
    public IReadOnlyList<ValidationProblem> Warnings { get; }
    internal Dictionary<string, CompiledNode> Nodes { get; }
    internal CompiledNode Start { get; }
    internal Dictionary<string, string> VariableTypes { get; }
}

internal sealed class CompiledNode(string id, string type, IActivity activity)
{
    private static readonly Connection[] None = [];

    public string Id { get; } = id;
    public string Type { get; } = type;
    public IActivity Activity { get; } = activity;
    public Dictionary<string, Connection[]> Outgoing { get; } = new(StringComparer.Ordinal);
    public int InboundCount { get; set; }

    /// <summary>For joins: the activities whose pending work is cancelled when a wait-any join fires.</summary>
    public HashSet<string>? UpstreamOnly { get; set; }

    public Connection[] ConnectionsFrom(string port) => Outgoing.GetValueOrDefault(port) ?? None;
}
