using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Descriptors;

/// <summary>What the designer's palette knows of an activity type; generated from the activity's code.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayName,
    string Category,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<string> Outcomes,
    bool DynamicOutcomes,
    bool Resumable);

public sealed record InputDescriptor(string Name, string Type, string Description, bool Required, JsonNode? Default, string UIHint, IReadOnlyList<string>? Options);

public sealed record OutputDescriptor(string Name, string Type, string Description);
