namespace AfterSales.Workflows;

/// <summary>Marks a class as an activity and describes it for the designer's palette.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type, string category, string description) : Attribute
{
    public string Type { get; } = type;
    public string Category { get; } = category;
    public string Description { get; } = description;
    public string? DisplayName { get; init; }

    /// <summary>Fixed outcomes (ports). Activities whose outcomes depend on their inputs implement <see cref="IDynamicOutcomes"/>.</summary>
    public string[] Outcomes { get; init; } = [ActivityResult.DoneOutcome];
}

/// <summary>Describes an <see cref="Input{T}"/> property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute(string description) : Attribute
{
    public string Description { get; } = description;
    public bool Required { get; init; }

    /// <summary>The default as a literal JSON text (e.g. <c>"\"PT24H\""</c>, <c>"true"</c>, <c>"[\"Done\"]"</c>).</summary>
    public string? DefaultJson { get; init; }

    /// <summary>How the designer edits it: <c>singleline</c>, <c>multiline</c>, <c>code</c>, <c>dropdown</c>, <c>list</c>, <c>checkbox</c>, <c>duration</c>.</summary>
    public string UIHint { get; init; } = "singleline";

    /// <summary>Choices for a dropdown.</summary>
    public string[]? Options { get; init; }
}

/// <summary>Describes an <see cref="Output{T}"/> property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}

/// <summary>An activity whose ports depend on its bound inputs (a switch's cases, a task's outcomes).</summary>
public interface IDynamicOutcomes
{
    /// <summary>The outcomes for this node, or null when they cannot be known before running (a script).</summary>
    IReadOnlyList<string>? GetOutcomes();
}
