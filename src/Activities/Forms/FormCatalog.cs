using System.Text.Json.Nodes;

namespace AfterSales.Activities.Forms;

/// <summary>
/// The after-sales forms a human task can ask for, each a JSON Schema (a 2020-12 subset) embedded in this
/// assembly from <c>Forms/Schemas/{name}.schema.json</c>, its <c>$id</c> being <c>/api/forms/{name}</c>.
/// </summary>
/// <remarks>
/// Conventions every schema keeps, checked by the tests:
/// <list type="bullet">
/// <item>Titles: <c>title</c> is English and <c>x-title-zh</c> the Chinese of the company's paper form
/// (e.g. "Return tracking form" / "客退品跟踪单"), on the form and on every property, so a UI shows either
/// language and our own code and messages stay English.</item>
/// <item>Field names camelCase English; enum values lower_snake_case like the domain's other codes;
/// <c>additionalProperties: false</c> on every object, so a misspelt field is an error, not lost data.</item>
/// <item>Only the keywords <see cref="FormValidator"/> understands; a form filled over several steps requires
/// only what its first step knows.</item>
/// </list>
/// </remarks>
public sealed class FormCatalog
{
    private const string ResourcePrefix = "AfterSales.Activities.Forms.Schemas.";
    private const string ResourceSuffix = ".schema.json";

    private readonly Dictionary<string, JsonObject> _schemas;

    /// <summary>Loads every embedded schema; a schema that is not a JSON object throws, as it is a build mistake.</summary>
    public FormCatalog()
    {
        var assembly = typeof(FormCatalog).Assembly;
        _schemas = assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .ToDictionary(r => r[ResourcePrefix.Length..^ResourceSuffix.Length], r =>
            {
                using var stream = assembly.GetManifestResourceStream(r)!;
                return JsonNode.Parse(stream) as JsonObject ?? throw new InvalidOperationException($"The embedded schema {r} is not a JSON object.");
            }, StringComparer.Ordinal);
        Names = [.. _schemas.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The forms' names, e.g. <c>ReturnTrackingForm</c>, in ordinal order. Names are case-sensitive.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The form's schema, or null for an unknown form. A copy: the caller may change it freely.</summary>
    public JsonObject? GetSchema(string name) =>
        _schemas.TryGetValue(name, out var schema) ? (JsonObject)schema.DeepClone() : null;

    /// <summary>
    /// Checks form data against the form's schema and returns every error found, each with the field's path.
    /// An unknown form name is not an exception but an invalid result whose one error names the form.
    /// </summary>
    public FormValidationResult Validate(string formName, JsonNode? data)
    {
        if (!_schemas.TryGetValue(formName, out var schema))
            return new(false, [new("", $"'{formName}' is not a known form; the forms are: {string.Join(", ", Names)}")]);

        var errors = FormValidator.Validate(schema, data);
        return new(errors.Count == 0, errors);
    }
}
