using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Workflows.Definitions;

/// <summary>The variable types a definition may declare, and whether a JSON value fits one.</summary>
public static class VariableTypes
{
    public static readonly IReadOnlyList<string> All = ["String", "Number", "Boolean", "Object", "Array", "StringList", "DateTime", "Duration", "Any"];

    /// <summary>Null when <paramref name="value"/> fits <paramref name="type"/> (null always fits), else the problem.</summary>
    public static string? Check(string type, JsonNode? value)
    {
        if (!All.Contains(type)) return $"unknown type '{type}' (use one of: {string.Join(", ", All)})";
        if (value is null) return null;
        var kind = value.GetValueKind();
        var fits = type switch
        {
            "String" => kind == JsonValueKind.String,
            "Number" => kind == JsonValueKind.Number,
            "Boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "Object" => kind == JsonValueKind.Object,
            "Array" => kind == JsonValueKind.Array,
            "StringList" => value is JsonArray a && a.All(i => i?.GetValueKind() == JsonValueKind.String),
            "DateTime" => kind == JsonValueKind.String && DateTimeOffset.TryParse(JsonNumbers.Text(value.AsValue()), out _),
            "Duration" => kind == JsonValueKind.String && DurationFormat.TryParse(JsonNumbers.Text(value.AsValue()), out _),
            _ => true,
        };
        return fits ? null : $"{value.ToJsonString()} is not a {type}";
    }
}
