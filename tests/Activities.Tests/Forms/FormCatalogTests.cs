using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AfterSales.Activities.Forms;

namespace AfterSales.Activities.Tests.Forms;

public sealed partial class FormCatalogTests
{
    private static readonly FormCatalog Catalog = new();

    // The subset FormValidator understands; anything else in a schema would be silently ignored.
    private static readonly HashSet<string> Keywords =
    [
        "$schema", "$id", "title", "x-title-zh", "description", "type", "properties", "required",
        "additionalProperties", "items", "minItems", "enum", "minimum", "maximum", "minLength", "format",
    ];

    public static TheoryData<string> FormNames => [.. FormExamples.Json.Keys];

    [Fact]
    public void Names_AreTheTenFormsOfTheDomain()
    {
        Assert.Equal(
            ["CapaReport", "ContractReview", "MaterialRequisition", "PartsShipment", "QualityException",
             "ReturnForm", "ReturnTrackingForm", "SatisfactionSurvey", "ServiceReport", "WarehouseReceipt"],
            Catalog.Names);
    }

    [Theory]
    [MemberData(nameof(FormNames))]
    public void Schema_IdentifiesTheFormAndTitlesItInBothLanguages(string name)
    {
        var schema = Catalog.GetSchema(name)!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal($"/api/forms/{name}", (string?)schema["$id"]);
        AssertTitled(schema, name);
        Assert.False(string.IsNullOrWhiteSpace((string?)schema["description"]), $"{name} has no description");
        Assert.Equal("object", (string?)schema["type"]);
    }

    [Theory]
    [MemberData(nameof(FormNames))]
    public void Schema_IsWellFormed_AtEveryLevel(string name)
    {
        foreach (var (path, node) in Subschemas(Catalog.GetSchema(name)!, name))
        {
            Assert.All(node.Select(p => p.Key), k => Assert.True(Keywords.Contains(k), $"{path}: '{k}' is not a keyword the validator knows"));
            Assert.Contains((string?)node["type"], new[] { "object", "array", "string", "integer", "number", "boolean" });

            if (node["properties"] is JsonObject properties)
            {
                Assert.False((bool?)node["additionalProperties"] ?? true, $"{path} allows fields it does not declare");
                Assert.All(properties, p =>
                {
                    Assert.Matches(CamelCase(), p.Key);
                    AssertTitled(p.Value!.AsObject(), $"{path}.{p.Key}");
                });
                Assert.All((node["required"] as JsonArray ?? []).Select(r => (string)r!), r => Assert.True(properties.ContainsKey(r), $"{path} requires '{r}', which it does not declare"));
            }

            if ((string?)node["type"] == "array")
                Assert.IsType<JsonObject>(node["items"]);
            if (node["format"] is JsonNode format)
                Assert.Contains((string)format!, new[] { "date", "date-time", "email" });
            if (node["enum"] is JsonArray values)
            {
                Assert.NotEmpty(values);
                Assert.All(values, v => Assert.Matches(SnakeCase(), (string)v!));
            }
        }
    }

    [Fact]
    public void GetSchema_ReturnsACopy_ThatTheCallerMayChange()
    {
        var schema = Catalog.GetSchema("ServiceReport")!;
        schema["title"] = "changed";
        schema["properties"]!.AsObject().Remove("workDone");

        var again = Catalog.GetSchema("ServiceReport")!;

        Assert.Equal("Service report", (string?)again["title"]);
        Assert.NotNull(again["properties"]!["workDone"]);
    }

    [Theory]
    [InlineData("RepairOrder")]
    [InlineData("returntrackingform")]
    [InlineData("")]
    public void GetSchema_OfAnUnknownForm_IsNull(string name) => Assert.Null(Catalog.GetSchema(name));

    private static void AssertTitled(JsonObject node, string path)
    {
        var english = (string?)node["title"];
        var chinese = (string?)node["x-title-zh"];
        Assert.False(string.IsNullOrWhiteSpace(english), $"{path} has no title");
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"{path} has no x-title-zh");
        Assert.DoesNotMatch(Han(), english);
        Assert.Matches(Han(), chinese);
    }

    /// <summary>The schema and every schema nested in it through properties and items, with a readable path.</summary>
    private static IEnumerable<(string Path, JsonObject Node)> Subschemas(JsonObject node, string path)
    {
        yield return (path, node);
        foreach (var (name, property) in node["properties"] as JsonObject ?? [])
        {
            foreach (var nested in Subschemas(property!.AsObject(), $"{path}.{name}"))
                yield return nested;
        }
        if (node["items"] is JsonObject items)
        {
            foreach (var nested in Subschemas(items, $"{path}[]"))
                yield return nested;
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex("^[a-z][a-zA-Z]*$")]
    private static partial Regex CamelCase();

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
