using System.Text.Json.Nodes;
using AfterSales.Activities.Forms;

namespace AfterSales.Activities.Tests.Forms;

public sealed class FormValidationTests
{
    private static readonly FormCatalog Catalog = new();

    public static TheoryData<string> FormNames => [.. FormExamples.Json.Keys];

    [Theory]
    [MemberData(nameof(FormNames))]
    public void Validate_AcceptsARealisticallyFilledForm(string name)
    {
        var result = Catalog.Validate(name, FormExamples.Get(name));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
    }

    [Theory]
    [MemberData(nameof(FormNames))]
    public void Validate_OfAnEmptyForm_NamesEveryRequiredField(string name)
    {
        var required = Catalog.GetSchema(name)!["required"]!.AsArray().Select(r => new FormError((string)r!, "is required"));

        var result = Catalog.Validate(name, new JsonObject());

        Assert.False(result.IsValid);
        Assert.Equal(required, result.Errors);
    }

    [Theory]
    // missing, null, blank
    [InlineData("ReturnTrackingForm", "customer", null, "customer", "is required")]
    [InlineData("ReturnTrackingForm", "customer", "null", "customer", "is required")]
    [InlineData("ReturnTrackingForm", "customer", "\"  \"", "customer", "must not be empty")]
    [InlineData("MaterialRequisition", "purpose", null, "purpose", "is required")]
    // wrong type
    [InlineData("ReturnTrackingForm", "caseNumber", "123", "caseNumber", "must be text")]
    [InlineData("ReturnTrackingForm", "hostQuantity", "\"2\"", "hostQuantity", "must be a whole number")]
    [InlineData("ReturnTrackingForm", "hostQuantity", "1.5", "hostQuantity", "must be a whole number")]
    [InlineData("ReturnTrackingForm", "inWarranty", "\"是\"", "inWarranty", "must be true or false")]
    [InlineData("ReturnTrackingForm", "partsReplaced", "{}", "partsReplaced", "must be a list")]
    [InlineData("ServiceReport", "hoursSpent", "\"三小时\"", "hoursSpent", "must be a number")]
    // enum
    [InlineData("ReturnTrackingForm", "repairResult", "\"fixed\"", "repairResult", "must be one of: repaired, replaced, scrapped, no_fault_found")]
    [InlineData("WarehouseReceipt", "source", "\"Refurbished\"", "source", "must be one of: refurbished, produced")]
    // minimum and maximum
    [InlineData("ReturnTrackingForm", "hostQuantity", "-1", "hostQuantity", "must be at least 0")]
    [InlineData("SatisfactionSurvey", "rating", "0", "rating", "must be at least 1")]
    [InlineData("SatisfactionSurvey", "rating", "6", "rating", "must be at most 5")]
    [InlineData("ContractReview", "unitPrice", "-0.01", "unitPrice", "must be at least 0")]
    // formats
    [InlineData("ReturnTrackingForm", "shipDate", "\"2025/11/20\"", "shipDate", "must be a date (YYYY-MM-DD)")]
    [InlineData("CapaReport", "dueDate", "\"2026-02-30\"", "dueDate", "must be a date (YYYY-MM-DD)")]
    [InlineData("CapaReport", "dueDate", "\"2026-04-15T00:00:00+08:00\"", "dueDate", "must be a date (YYYY-MM-DD)")]
    [InlineData("QualityException", "sentToRndAt", "\"2026-03-10 14:20\"", "sentToRndAt", "must be a date and time with its offset (YYYY-MM-DDThh:mm:ss+08:00)")]
    [InlineData("QualityException", "sentToRndAt", "\"2026-03-10T14:20:00\"", "sentToRndAt", "must be a date and time with its offset (YYYY-MM-DDThh:mm:ss+08:00)")]
    [InlineData("SatisfactionSurvey", "contactEmail", "\"he.zhiming#lixin-pack.cn\"", "contactEmail", "must be an email address")]
    [InlineData("PartsShipment", "receiverEmail", "\"钱工 <qian@wx-jingmi.com>\"", "receiverEmail", "must be an email address")]
    // unknown fields, at the top and inside a line item
    [InlineData("ReturnTrackingForm", "urgent", "true", "urgent", "is not a field of this form")]
    [InlineData("ReturnTrackingForm", "partsReplaced[0].colour", "\"红色\"", "partsReplaced[0].colour", "is not a field of this form")]
    // line items
    [InlineData("MaterialRequisition", "items", "[]", "items", "must have at least one entry")]
    [InlineData("MaterialRequisition", "items[0].qty", null, "items[0].qty", "is required")]
    [InlineData("MaterialRequisition", "items[1].qty", "0", "items[1].qty", "must be at least 1")]
    [InlineData("ReturnTrackingForm", "partsReplaced[1].cost", "-5", "partsReplaced[1].cost", "must be at least 0")]
    [InlineData("ReturnTrackingForm", "partsReplaced[0]", "\"电源板\"", "partsReplaced[0]", "must be an object")]
    [InlineData("ReturnTrackingForm", "steps[2].step", "\"tested\"", "steps[2].step", "must be one of: received, detected, repaired, refurbished, inspected, stocked, shipped")]
    [InlineData("ReturnForm", "deductions[0].amount", "\"60元\"", "deductions[0].amount", "must be a number")]
    public void Validate_NamesTheFieldAndWhatIsWrong(string form, string path, string? json, string field, string message)
    {
        var data = FormExamples.Get(form);
        Set(data, path, json);

        var result = Catalog.Validate(form, data);

        Assert.False(result.IsValid);
        Assert.Equal(new FormError(field, message), Assert.Single(result.Errors));
    }

    [Fact]
    public void Validate_ReportsEveryError_NotJustTheFirst()
    {
        var data = JsonNode.Parse("""
            {
              "caseNumber": "AS-2026-000123",
              "items": [
                { "name": "", "qty": 0 },
                { "spec": "M3×8", "qty": 2.5 }
              ],
              "note": "加急"
            }
            """);

        var result = Catalog.Validate("MaterialRequisition", data);

        Assert.False(result.IsValid);
        Assert.Equivalent(
            new FormError[]
            {
                new("purpose", "is required"),
                new("items[0].name", "must not be empty"),
                new("items[0].qty", "must be at least 1"),
                new("items[1].name", "is required"),
                new("items[1].qty", "must be a whole number"),
                new("note", "is not a field of this form"),
            },
            result.Errors,
            strict: true);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"AS-2026-000123\"")]
    public void Validate_OfSomethingOtherThanAnObject_FailsForTheWholeForm(string json)
    {
        var result = Catalog.Validate("CapaReport", JsonNode.Parse(json));

        Assert.Equal(new FormError("", "must be an object"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Validate_AcceptsDataBuiltInCode_NotOnlyParsedJson()
    {
        var data = new JsonObject
        {
            ["caseNumber"] = "AS-2026-000171",
            ["engineer"] = "孙浩",
            ["serviceDate"] = "2026-03-18",
            ["workDone"] = "更换主板",
            ["hoursSpent"] = 2,
            ["travelCost"] = 180.5m,
            ["materials"] = new JsonArray(new JsonObject { ["name"] = "主板", ["qty"] = 1L, ["cost"] = 450.0 }),
            ["resolved"] = false,
            ["customer"] = null,
        };

        var result = Catalog.Validate("ServiceReport", data);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Validate_OfAnUnknownForm_FailsWithAnErrorNamingTheForm()
    {
        var result = Catalog.Validate("RepairOrder", new JsonObject());

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("", error.Field);
        Assert.Contains("'RepairOrder' is not a known form", error.Message);
    }

    /// <summary>Sets (or with null JSON removes) the value at a path like <c>items[0].qty</c>.</summary>
    private static void Set(JsonNode root, string path, string? json)
    {
        var segments = path.Replace("[", ".[").Split('.');
        var parent = root;
        foreach (var segment in segments[..^1])
            parent = segment.StartsWith('[') ? parent[int.Parse(segment[1..^1])]! : parent[segment]!;

        var last = segments[^1];
        var value = json is null ? null : JsonNode.Parse(json);
        if (last.StartsWith('['))
            parent[int.Parse(last[1..^1])] = value;
        else if (json is null)
            parent.AsObject().Remove(last);
        else
            parent[last] = value;
    }
}
