using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Workflows.Execution;

/// <summary>Typed activity values as JSON, for variables and the journal.</summary>
internal static class JsonValues
{
    public static JsonNode? From<T>(T value) => value switch
    {
        null => null,
        JsonNode n => n.Parent is null ? n : n.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        TimeSpan t => JsonValue.Create(DurationFormat.Format(t)),
        DateTimeOffset at => JsonValue.Create(at.ToString("O")),
        string[] list => new JsonArray(list.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        _ => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web),
    };
}

/// <summary>Keeps journal entries small: long text and large objects are cut to <see cref="MaxLength"/> characters.</summary>
internal static class JournalValues
{
    public const int MaxLength = 1024;

    public static JsonNode? From<T>(T value) => value is string s ? JsonValue.Create(Cut(s)) : Truncate(JsonValues.From(value));

    public static JsonNode? Truncate(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue<string>(out var s):
                return s.Length <= MaxLength ? v.DeepClone() : JsonValue.Create(Cut(s));
            case JsonValue v:
                return v.DeepClone();
            default:
                var json = node.ToJsonString();
                return json.Length <= MaxLength ? node.DeepClone() : JsonValue.Create(Cut(json));
        }
    }

    private static string Cut(string s) => s.Length <= MaxLength ? s : string.Concat(s.AsSpan(0, MaxLength), $"…(truncated, {s.Length} characters)");
}
