using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Descriptors;
using AfterSales.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Workflows.Execution;

/// <summary>
/// Validates a definition and builds its <see cref="CompiledWorkflow"/>. Validation is compilation: every
/// expression is parsed, every input bound, every connection checked, so what validates is what runs.
/// </summary>
public sealed class WorkflowCompiler(ActivityRegistry registry, ExpressionEngine expressions, IServiceProvider services)
{
    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition) => TryCompile(definition, out _);

    /// <summary>Compiles; a definition with any error throws <see cref="WorkflowValidationException"/> listing them all.</summary>
    public CompiledWorkflow Compile(WorkflowDefinition definition)
    {
        var problems = TryCompile(definition, out var compiled);
        return compiled ?? throw new WorkflowValidationException(problems);
    }

    private List<ValidationProblem> TryCompile(WorkflowDefinition definition, out CompiledWorkflow? compiled)
    {
        compiled = null;
        var problems = new List<ValidationProblem>();
        void Error(string? activity, string field, string message) => problems.Add(new(Severity.Error, activity, field, message));

        if (DefinitionIds.Check(definition.DefinitionId) is { } idProblem) Error(null, "definitionId", idProblem);
        if (string.IsNullOrWhiteSpace(definition.Name)) Error(null, "name", "is required");
        var variables = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Variables.Count; i++)
        {
            var v = definition.Variables[i];
            if (!variables.Add(v.Name)) Error(null, $"variables[{i}].name", $"variable '{v.Name}' is declared twice");
            if (VariableTypes.Check(v.Type, v.Default) is { } problem) Error(null, $"variables[{i}].default", problem);
        }

        var nodes = new Dictionary<string, CompiledNode>(StringComparer.Ordinal);
        var outcomes = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        var starts = new List<string>();
        foreach (var node in definition.Root.Activities)
        {
            if (nodes.ContainsKey(node.Id) || outcomes.ContainsKey(node.Id))
            {
                Error(node.Id, "id", "another activity has the same id");
                continue;
            }
            var type = registry.FindType(node.Type);
            if (type is null)
            {
                Error(node.Id, "type", $"unknown activity type '{node.Type}'");
                outcomes[node.Id] = null;
                continue;
            }
            if (type.IsStart) starts.Add(node.Id);
            var activity = Bind(node, type, variables, Error);
            if (activity is null)
            {
                outcomes[node.Id] = null;
                continue;
            }
            nodes[node.Id] = new CompiledNode(node.Id, node.Type, activity);
            outcomes[node.Id] = activity is IDynamicOutcomes dynamic ? dynamic.GetOutcomes() : type.Descriptor.Outcomes;
        }

        foreach (var rule in services.GetServices<IWorkflowRule>()) problems.AddRange(rule.Check(definition));
        if (starts.Count == 0) Error(null, "root.activities", "there is no start: add one Start activity");
        else if (starts.Count > 1) Error(starts[1], "type", $"a flowchart has one start; '{starts[0]}' is one already");

        var connections = definition.Root.Connections;
        for (var i = 0; i < connections.Count; i++)
        {
            var c = connections[i];
            var field = $"connections[{i}]";
            if (!outcomes.TryGetValue(c.Source.Activity, out var ports))
                Error(null, $"{field}.source.activity", $"no activity '{c.Source.Activity}'");
            else if (ports is not null && !ports.Contains(c.Source.Port))
                Error(c.Source.Activity, $"{field}.source.port", $"'{c.Source.Port}' is not an outcome of this activity (it has: {string.Join(", ", ports)})");
            if (!outcomes.ContainsKey(c.Target.Activity))
                Error(null, $"{field}.target.activity", $"no activity '{c.Target.Activity}'");
            if (nodes.TryGetValue(c.Source.Activity, out var source) && nodes.TryGetValue(c.Target.Activity, out var target))
            {
                source.Outgoing[c.Source.Port] = [.. source.ConnectionsFrom(c.Source.Port), c];
                target.InboundCount++;
            }
        }

        if (problems.Any(p => p.Severity == Severity.Error)) return problems;

        var start = nodes[starts[0]];
        var reachable = Reach(start.Id, nodes, forward: true);
        foreach (var node in definition.Root.Activities.Where(n => !reachable.Contains(n.Id)))
            problems.Add(new(Severity.Warning, node.Id, "id", "cannot be reached from the start"));
        foreach (var join in nodes.Values.Where(n => n.Activity is IJoinActivity))
        {
            // What lies before the join but not after it: the other branches a wait-any join may cancel.
            var downstream = Reach(join.Id, nodes, forward: true);
            join.UpstreamOnly = Reach(join.Id, nodes, forward: false);
            join.UpstreamOnly.ExceptWith(downstream);
        }
        compiled = new CompiledWorkflow(definition, nodes, start, problems);
        return problems;
    }

    private IActivity? Bind(ActivityNode node, ActivityType type, HashSet<string> variables, Action<string?, string, string> error)
    {
        var activity = type.Create(services);
        var ok = true;
        foreach (var name in node.Inputs.Keys.Where(k => type.Inputs.All(i => i.Name != k)))
        {
            error(node.Id, name, $"'{node.Type}' has no input '{name}'");
            ok = false;
        }
        foreach (var input in type.Inputs)
        {
            var spec = node.Inputs.GetValueOrDefault(input.Name) ?? input.Default;
            if (spec is null || spec.Value is null && input.Descriptor.Required)
            {
                if (input.Descriptor.Required)
                {
                    error(node.Id, input.Name, "is required");
                    ok = false;
                }
                continue;
            }
            try
            {
                input.Bind(activity, expressions, spec);
            }
            catch (ExpressionException e)
            {
                error(node.Id, input.Name, e.Message);
                ok = false;
            }
        }
        foreach (var (name, variable) in node.Outputs)
        {
            if (type.Outputs.All(o => o.Name != name)) error(node.Id, name, $"'{node.Type}' has no output '{name}'");
            else if (!variables.Contains(variable)) error(node.Id, name, $"no variable '{variable}' to store the output in");
            else continue;
            ok = false;
        }
        foreach (var output in type.Outputs) output.Bind(activity, node.Outputs.GetValueOrDefault(output.Name));
        return ok ? activity : null;
    }

    private static HashSet<string> Reach(string from, Dictionary<string, CompiledNode> nodes, bool forward)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var stack = new Stack<string>();
        stack.Push(from);
        while (stack.TryPop(out var id))
        {
            IEnumerable<string> next = forward
                ? nodes[id].Outgoing.Values.SelectMany(cs => cs).Select(c => c.Target.Activity)
                : nodes.Values.Where(n => n.Outgoing.Values.Any(cs => cs.Any(c => c.Target.Activity == id))).Select(n => n.Id);
            foreach (var n in next)
                if (seen.Add(n)) stack.Push(n);
        }
        if (!forward) seen.Remove(from);
        return seen;
    }
}
