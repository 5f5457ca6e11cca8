using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Definitions;

/// <summary>
/// One version of a workflow: immutable once published. Its JSON follows the shape of an Elsa 3 export
/// (see <see cref="WorkflowJson"/>).
/// </summary>
public sealed record WorkflowDefinition
{
    public required string DefinitionId { get; init; }
    public int Version { get; init; } = 1;
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];
    public IReadOnlyList<InputDefinition> Inputs { get; init; } = [];
    public required Flowchart Root { get; init; }

    /// <summary>Whether an input of this name may be given at start: a declared input, or a variable marked as one.</summary>
    public bool AcceptsInput(string name) =>
        Inputs.Any(i => i.Name == name) || Variables.Any(v => v.Name == name && v.IsInput);

    /// <summary>
    /// The entries of <paramref name="offered"/> this definition accepts as input: how a caller that offers more than a
    /// workflow takes (a case's fields, to whichever workflow its kind has) starts it without tripping the input check.
    /// </summary>
    public JsonObject AcceptedInputs(JsonObject offered) =>
        new(offered.Where(p => AcceptsInput(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
}

/// <summary>
/// A workflow variable; <paramref name="Default"/> is a JSON value of <paramref name="Type"/>. Only a variable marked
/// <paramref name="IsInput"/> may be set by an input of its name when an instance starts (how a parent passes a delay to a
/// child workflow); any other variable, recipients above all, keeps what the definition says.
/// </summary>
public sealed record VariableDefinition(string Name, string Type, JsonNode? Default = null, bool IsInput = false);

/// <summary>A named input the caller passes when starting an instance.</summary>
public sealed record InputDefinition(string Name, string Type, bool Required = false);

public sealed record Flowchart(IReadOnlyList<ActivityNode> Activities, IReadOnlyList<Connection> Connections);

/// <summary>
/// One activity in a flowchart. <see cref="Inputs"/> hold expressions by camelCase input name;
/// <see cref="Outputs"/> bind an output (camelCase name) to a workflow variable.
/// </summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Name { get; init; }
    public IReadOnlyDictionary<string, ExpressionSpec> Inputs { get; init; } = EmptyInputs;
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = EmptyOutputs;
    public Position Position { get; init; }

    private static readonly IReadOnlyDictionary<string, ExpressionSpec> EmptyInputs = new Dictionary<string, ExpressionSpec>();
    private static readonly IReadOnlyDictionary<string, string> EmptyOutputs = new Dictionary<string, string>();
}

public readonly record struct Position(double X, double Y);

public sealed record Connection(Endpoint Source, Endpoint Target);

/// <summary>A connection end: the activity and its port (an outcome on the source side, <c>In</c> on the target side).</summary>
public sealed record Endpoint(string Activity, string Port);

/// <summary>An expression as stored: its language (<c>Literal</c>, <c>JavaScript</c>, <c>Liquid</c>) and its value.</summary>
public sealed record ExpressionSpec(string Type, JsonNode? Value)
{
    public const string Literal = "Literal";
    public const string JavaScript = "JavaScript";
    public const string Liquid = "Liquid";

    public static ExpressionSpec Of(JsonNode? value) => new(Literal, value);
    public static ExpressionSpec Js(string code) => new(JavaScript, JsonValue.Create(code));
    public static ExpressionSpec Template(string text) => new(Liquid, JsonValue.Create(text));

    /// <summary>The value as source text, for script and template languages.</summary>
    public string Text => Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : Value?.ToJsonString() ?? "";

    public bool Equals(ExpressionSpec? other) =>
        other is not null && Type == other.Type && JsonNode.DeepEquals(Value, other.Value);

    public override int GetHashCode() => HashCode.Combine(Type, Value?.ToJsonString());
}
