using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Expressions;

/// <summary>Converts JSON values to the types activity inputs declare, with messages a process owner understands.</summary>
public static class ValueConverter
{
    public static T Convert<T>(JsonNode? node) => (T)Convert(node, typeof(T))!;

    public static object? Convert(JsonNode? node, Type type)
    {
        if (type == typeof(JsonNode)) return node?.DeepClone();
        if (node is null)
            return !type.IsValueType || Nullable.GetUnderlyingType(type) is not null
                ? null
                : throw new ExpressionException($"expected {TypeName(type)}, got null");
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
        if (target == typeof(bool)) return ToBool(node);
        if (target == typeof(int)) return (int)ToDouble(node);
        if (target == typeof(long)) return (long)ToDouble(node);
        if (target == typeof(double)) return ToDouble(node);
        if (target == typeof(decimal)) return (decimal)ToDouble(node);
        if (target == typeof(TimeSpan)) return ToDuration(node);
        if (target == typeof(DateTimeOffset)) return ToDateTime(node);
        if (target == typeof(string[])) return ToStringList(node);
        if (target == typeof(JsonObject)) return node as JsonObject is { } o ? o.DeepClone() : throw new ExpressionException($"expected an object, got {Describe(node)}");
        if (target == typeof(JsonArray)) return node as JsonArray is { } a ? a.DeepClone() : throw new ExpressionException($"expected a list, got {Describe(node)}");
        try
        {
            return node.Deserialize(target, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new ExpressionException($"expected {TypeName(target)}: {e.Message}");
        }
    }

    /// <summary>The type name the designer shows for an input's CLR type.</summary>
    public static string TypeName(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) ? "String"
            : t == typeof(bool) ? "Boolean"
            : t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal) ? "Number"
            : t == typeof(TimeSpan) ? "Duration"
            : t == typeof(DateTimeOffset) ? "DateTime"
            : t == typeof(string[]) ? "StringList"
            : t == typeof(JsonArray) ? "Array"
            : "Object";
    }

    private static bool ToBool(JsonNode node) => node is JsonValue v && v.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(JsonNumbers.Text(v), out var b) => b,
        _ => throw new ExpressionException($"expected true or false, got {Describe(node)}"),
    };

    private static double ToDouble(JsonNode node)
    {
        if (node is JsonValue v)
        {
            if (JsonNumbers.TryGetDouble(v, out var n)) return n;
            if (v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        }
        throw new ExpressionException($"expected a number, got {Describe(node)}");
    }

    private static TimeSpan ToDuration(JsonNode node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && DurationFormat.TryParse(s, out var span)
            ? span
            : throw new ExpressionException($"expected a duration such as PT24H or 24h, got {Describe(node)}");

    private static DateTimeOffset ToDateTime(JsonNode node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new ExpressionException($"expected a date and time (ISO 8601), got {Describe(node)}");

    private static string[] ToStringList(JsonNode node) => node switch
    {
        JsonArray a => a.Select(i => i is JsonValue iv && iv.TryGetValue<string>(out var s) ? s : i?.ToJsonString() ?? "").ToArray(),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => throw new ExpressionException($"expected a list of text, got {Describe(node)}"),
    };

    private static string Describe(JsonNode node)
    {
        var json = node.ToJsonString();
        return json.Length > 60 ? json[..60] + "…" : json;
    }
}
