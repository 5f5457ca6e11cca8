using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Definitions;

/// <summary>Builds a definition in code: for tests, benchmarks and workflows that ship as C#.</summary>
public sealed class WorkflowBuilder(string definitionId, string? name = null)
{
    private readonly List<VariableDefinition> _variables = [];
    private readonly List<InputDefinition> _inputs = [];
    private readonly List<ActivityNode> _activities = [];
    private readonly List<Connection> _connections = [];
    private int _version = 1;
    private string? _description;

    public WorkflowBuilder Version(int version)
    {
        _version = version;
        return this;
    }

    public WorkflowBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Declares a variable; <paramref name="isInput"/>: an input of its name may set it at start.</summary>
    public WorkflowBuilder Variable(string variableName, string type, JsonNode? defaultValue = null, bool isInput = false)
    {
        _variables.Add(new VariableDefinition(variableName, type, defaultValue, isInput));
        return this;
    }

    public WorkflowBuilder Input(string inputName, string type, bool required = false)
    {
        _inputs.Add(new InputDefinition(inputName, type, required));
        return this;
    }

    /// <summary>Adds an activity; inputs are (camelCase name, expression) pairs.</summary>
    public WorkflowBuilder Activity(string id, string type, params (string Name, ExpressionSpec Expression)[] inputs) =>
        Activity(id, type, inputs, []);

    public WorkflowBuilder Activity(string id, string type, (string Name, ExpressionSpec Expression)[] inputs, (string Output, string Variable)[] outputs)
    {
        _activities.Add(new ActivityNode
        {
            Id = id,
            Type = type,
            Inputs = inputs.ToDictionary(i => i.Name, i => i.Expression, StringComparer.Ordinal),
            Outputs = outputs.ToDictionary(o => o.Output, o => o.Variable, StringComparer.Ordinal),
            Position = new Position(_activities.Count * 240, 100),
        });
        return this;
    }

    public WorkflowBuilder Connect(string source, string target) => Connect(source, ActivityResult.DoneOutcome, target);

    public WorkflowBuilder Connect(string source, string port, string target)
    {
        _connections.Add(new Connection(new Endpoint(source, port), new Endpoint(target, "In")));
        return this;
    }

    public WorkflowDefinition Build() => new()
    {
        DefinitionId = definitionId,
        Name = name ?? definitionId,
        Description = _description,
        Version = _version,
        Variables = _variables.ToArray(),
        Inputs = _inputs.ToArray(),
        Root = new Flowchart(_activities.ToArray(), _connections.ToArray()),
    };
}
