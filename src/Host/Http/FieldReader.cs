using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AfterSales.Host.Http;

/// <summary>
/// Reads a JSON request body field by field and collects what is wrong, keyed by the field's path (<c>customer.email</c>),
/// so one 400 names every bad field. Reading the body as JSON rather than binding it lets a value of the wrong type
/// name its field too.
/// </summary>
internal sealed partial class FieldReader
{
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    public void Fail(string path, string message) => Errors.TryAdd(path, [message]);

    /// <summary>The object at <paramref name="path"/>; null (and an error when required) when missing or not an object.</summary>
    public JsonObject? Object(JsonNode? node, string path, bool required)
    {
        if (node is JsonObject o) return o;
        if (node is not null) Fail(path, "must be an object");
        else if (required) Fail(path, "is required");
        return null;
    }

    public string? Text(JsonObject? parent, string name, string path, bool required, int maxLength = 200)
    {
        var node = parent?[name];
        if (node is null)
        {
            if (required) Fail(path, "is required");
            return null;
        }
        if (node is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            Fail(path, "must be text");
            return null;
        }
        text = text.Trim();
        if (text.Length == 0)
        {
            if (required) Fail(path, "is required");
            return null;
        }
        if (text.Length > maxLength) Fail(path, $"must be at most {maxLength} characters");
        return text;
    }

    public string? OneOf(JsonObject? parent, string name, string path, IReadOnlyList<string> allowed, bool required)
    {
        var text = Text(parent, name, path, required);
        if (text is not null && !allowed.Contains(text)) Fail(path, $"'{text}' is not one of: {string.Join(", ", allowed)}");
        return text is not null && allowed.Contains(text) ? text : null;
    }

    /// <summary>
    /// A list of distinct values, each one of <paramref name="allowed"/> (a wrong one is named by its index:
    /// <c>roles[2]</c>); null when missing or not a list. An empty list is refused when <paramref name="required"/>.
    /// </summary>
    public IReadOnlyList<string>? SetOf(JsonObject? parent, string name, string path, IReadOnlyList<string> allowed, bool required)
    {
        var node = parent?[name];
        if (node is null)
        {
            if (required) Fail(path, "is required");
            return null;
        }
        if (node is not JsonArray list)
        {
            Fail(path, "must be a list");
            return null;
        }
        if (list.Count == 0 && required) Fail(path, "must name at least one");
        var values = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (list[i] is not JsonValue v || !v.TryGetValue<string>(out var value)) Fail(itemPath, "must be text");
            else if (!allowed.Contains(value)) Fail(itemPath, $"'{value}' is not one of: {string.Join(", ", allowed)}");
            else if (values.Contains(value)) Fail(itemPath, $"'{value}' is given twice");
            else values.Add(value);
        }
        return values;
    }

    public string? Email(JsonObject? parent, string name, string path)
    {
        var text = Text(parent, name, path, required: false);
        if (text is not null && !EmailPattern().IsMatch(text)) Fail(path, $"'{text}' is not an email address");
        return text;
    }

    public DateOnly? Date(JsonObject? parent, string name, string path)
    {
        var text = Text(parent, name, path, required: false);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Fail(path, $"'{text}' is not a date: write yyyy-MM-dd");
        return null;
    }

    public int? Integer(JsonObject? parent, string name, string path, int min, int max, bool required)
    {
        var node = parent?[name];
        if (node is null)
        {
            if (required) Fail(path, "is required");
            return null;
        }
        if (node is JsonValue v && v.TryGetValue<decimal>(out var number) && number == decimal.Truncate(number) && number >= min && number <= max)
            return (int)number;
        Fail(path, $"must be a whole number from {min} to {max}");
        return null;
    }

    public decimal? Amount(JsonObject? parent, string name, string path, decimal max)
    {
        var node = parent?[name];
        if (node is null)
        {
            Fail(path, "is required");
            return null;
        }
        if (node is JsonValue v && v.TryGetValue<decimal>(out var amount) && amount >= 0 && amount <= max && decimal.Round(amount, 2) == amount)
            return amount;
        Fail(path, $"must be a number from 0 to {max} with at most 2 decimals");
        return null;
    }

    public bool? Boolean(JsonObject? parent, string name, string path)
    {
        var node = parent?[name];
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<bool>(out var value)) return value;
        Fail(path, "must be true or false");
        return null;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();
}
