using System.Text.Json;
using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Expressions;

/// <summary>
/// Reads numbers from JSON values whatever backs them: a parsed document or a CLR int/long/double/decimal.
/// (<c>JsonValue.GetValue&lt;double&gt;</c> alone fails on a value created from an int.)
/// </summary>
public static class JsonNumbers
{
    public static bool TryGetDouble(JsonValue value, out double number)
    {
        if (value.TryGetValue(out number)) return true;
        if (value.TryGetValue<int>(out var i)) number = i;
        else if (value.TryGetValue<long>(out var l)) number = l;
        else if (value.TryGetValue<decimal>(out var m)) number = (double)m;
        else if (value.TryGetValue<float>(out var f)) number = f;
        else if (value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number) number = e.GetDouble();
        else return false;
        return true;
    }

    /// <summary>
    /// The text of a string-kind value whatever backs it: a value created from a DateTimeOffset, Guid or char is a JSON
    /// string too, but <c>GetValue&lt;string&gt;</c> throws on it.
    /// </summary>
    public static string Text(JsonValue value) =>
        value.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? "";

    /// <summary>A whole number as an int when it fits (so <c>GetValue&lt;int&gt;</c> works), else a long or a double.</summary>
    public static JsonValue Create(double d) =>
        Math.Floor(d) != d || !double.IsFinite(d) ? JsonValue.Create(d)
        : d is >= int.MinValue and <= int.MaxValue ? JsonValue.Create((int)d)
        : Math.Abs(d) < 9e15 ? JsonValue.Create((long)d)
        : JsonValue.Create(d);
}
