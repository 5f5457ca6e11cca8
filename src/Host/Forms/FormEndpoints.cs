using System.Text;
using AfterSales.Activities.Forms;
using AfterSales.Host.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Forms;

/// <summary>The forms tasks ask for, as JSON Schemas a UI renders and checks before it submits.</summary>
internal static class FormEndpoints
{
    public static void MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/forms").WithTags("Forms");
        group.MapGet("/", ListForms);
        group.MapGet("/{name}", GetForm).Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/schema+json").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>A form's name with its English and Chinese titles.</summary>
    public sealed record FormSummary(string Name, string? Title, string? TitleZh);

    public static Ok<IReadOnlyList<FormSummary>> ListForms(FormCatalog forms) =>
        TypedResults.Ok<IReadOnlyList<FormSummary>>(forms.Names.Select(name =>
        {
            var schema = forms.GetSchema(name)!;
            return new FormSummary(name, (string?)schema["title"], (string?)schema["x-title-zh"]);
        }).ToList());

    /// <summary>The form's JSON Schema; names are case-sensitive.</summary>
    public static Results<ContentHttpResult, ProblemHttpResult> GetForm(string name, FormCatalog forms) =>
        forms.GetSchema(name) is { } schema
            ? TypedResults.Text(schema.ToJsonString(), "application/schema+json", Encoding.UTF8)
            : Problems.NotFound($"There is no form '{name}'; the forms are: {string.Join(", ", forms.Names)}.");
}
