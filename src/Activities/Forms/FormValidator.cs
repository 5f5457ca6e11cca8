using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AfterSales.Activities.Forms;

/// <summary>
/// Checks data against the subset of JSON Schema 2020-12 our form schemas use: type, properties, required,
/// additionalProperties (false), items, minItems, enum, minimum, maximum, minLength and format (date, date-time,
/// email). Every error is collected, each naming the field's path. A keyword outside the subset is a bug in a
/// schema, which the catalog's tests catch; an unknown type or format throws rather than passing silently.
/// </summary>
/// <remarks>
/// Two deliberate differences from JSON Schema, because form data comes from people filling in a UI:
/// a property set to <c>null</c> counts as absent (a cleared optional field is fine, a cleared required one
/// "is required"), and <c>minLength</c> counts the text without surrounding spaces.
/// </remarks>
internal static partial class FormValidator
{
    public static IReadOnlyList<FormError> Validate(JsonObject schema, JsonNode? data)
    {
        var errors = new List<FormError>();
        Check(schema, data, "", errors);
        return errors;
    }

    private static void Check(JsonObject schema, JsonNode? value, string path, List<FormError> errors)
    {
        var type = (string?)schema["type"];
        if (type is not null && !HasType(type, value))
        {
            errors.Add(new(path, TypeMessage(type)));
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            errors.Add(new(path, "must be one of: " + string.Join(", ", allowed.Select(Display))));

        switch (value)
        {
            case JsonObject obj:
                CheckObject(schema, obj, path, errors);
                break;
            case JsonArray array:
                CheckArray(schema, array, path, errors);
                break;
            case JsonValue when value.GetValueKind() == JsonValueKind.Number:
                CheckNumber(schema, Number(value), path, errors);
                break;
            case JsonValue when value.GetValueKind() == JsonValueKind.String:
                CheckString(schema, value.GetValue<string>(), path, errors);
                break;
        }
    }

    private static void CheckObject(JsonObject schema, JsonObject obj, string path, List<FormError> errors)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var name in (schema["required"] as JsonArray ?? []).Select(n => (string)n!))
        {
            if (obj[name] is null)
                errors.Add(new(Join(path, name), "is required"));
        }

        foreach (var (name, child) in obj)
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                if (child is not null)
                    Check(propertySchema, child, Join(path, name), errors);
            }
            else if ((bool?)schema["additionalProperties"] == false)
            {
                errors.Add(new(Join(path, name), "is not a field of this form"));
            }
        }
    }

    private static void CheckArray(JsonObject schema, JsonArray array, string path, List<FormError> errors)
    {
        if (schema["minItems"] is JsonNode minItems && array.Count < (int)minItems)
            errors.Add(new(path, (int)minItems == 1 ? "must have at least one entry" : $"must have at least {(int)minItems} entries"));

        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
                Check(itemSchema, array[i], $"{path}[{i}]", errors);
        }
    }

    private static void CheckNumber(JsonObject schema, double number, string path, List<FormError> errors)
    {
        if (schema["minimum"] is JsonNode minimum && number < Number(minimum))
            errors.Add(new(path, $"must be at least {Display(minimum)}"));
        if (schema["maximum"] is JsonNode maximum && number > Number(maximum))
            errors.Add(new(path, $"must be at most {Display(maximum)}"));
    }

    private static void CheckString(JsonObject schema, string text, string path, List<FormError> errors)
    {
        if (schema["minLength"] is JsonNode minLength && text.Trim().Length < (int)minLength)
            errors.Add(new(path, (int)minLength == 1 ? "must not be empty" : $"must be at least {(int)minLength} characters long"));

        var format = (string?)schema["format"];
        if (format is not null && !HasFormat(format, text))
            errors.Add(new(path, FormatMessage(format)));
    }

    private static bool HasType(string type, JsonNode? value) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value?.GetValueKind() == JsonValueKind.String,
        "boolean" => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value?.GetValueKind() == JsonValueKind.Number,
        "integer" => value?.GetValueKind() == JsonValueKind.Number && double.IsInteger(Number(value)),
        _ => throw new InvalidOperationException($"The form schemas do not support the type '{type}'."),
    };

    private static string TypeMessage(string type) => type switch
    {
        "object" => "must be an object",
        "array" => "must be a list",
        "string" => "must be text",
        "boolean" => "must be true or false",
        "integer" => "must be a whole number",
        _ => "must be a number",
    };

    private static bool HasFormat(string format, string text) => format switch
    {
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        // RFC 3339 wants the offset: a time without one means nothing to a team across time zones.
        "date-time" => DateTimeRegex().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "email" => EmailRegex().IsMatch(text),
        _ => throw new InvalidOperationException($"The form schemas do not support the format '{format}'."),
    };

    private static string FormatMessage(string format) => format switch
    {
        "date" => "must be a date (YYYY-MM-DD)",
        "date-time" => "must be a date and time with its offset (YYYY-MM-DDThh:mm:ss+08:00)",
        _ => "must be an email address",
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    // Via the JSON text, so values built in code (an int, a decimal) read the same as parsed ones.
    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Display(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString() ?? "null";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailRegex();
}
