using System.Text.Json;
using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Expressions;

/// <summary>JSON as plain dictionaries, lists and primitives: the shapes Liquid templates (Fluid) can walk.</summary>
public static class PlainValues
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(From).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => JsonNumbers.Text(v),
            JsonValueKind.Number => JsonNumbers.TryGetDouble(v, out var d) ? (decimal)d : 0m,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };
}
