using AfterSales.Cases;
using AfterSales.Host.Cases;
using AfterSales.Persistence.Cases;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Host.Http;

/// <summary>
/// Gives the document an <c>enum</c> for each string property whose values are a closed set, from the one list the
/// readers check against, so the client's types name the allowed values and the lists are not written twice.
/// </summary>
internal static class OpenApiEnums
{
    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> Sets = new()
    {
        [(typeof(OpenCaseRequest), nameof(OpenCaseRequest.Kind))] = CaseKinds.All,
        [(typeof(OpenCaseRequest), nameof(OpenCaseRequest.Channel))] = CaseChannels.All,
        [(typeof(NewCostRequest), nameof(NewCostRequest.Kind))] = CaseCostKinds.All,
    };

    private static readonly HashSet<Type> ReadByFieldReader =
    [
        typeof(OpenCaseQuantities), typeof(NewCostRequest), typeof(Surveys.SurveyAnswerRequest),
    ];

    public static OpenApiOptions AddClosedSets(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is { } property && property.AttributeProvider is System.Reflection.PropertyInfo clr
                && Sets.TryGetValue((clr.DeclaringType!, clr.Name), out var values))
                schema.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v)];
            // FieldReader takes numbers as JSON numbers only, not the quoted numbers the framework's binder would accept.
            if (context.JsonPropertyInfo is { } read && ReadByFieldReader.Contains(read.DeclaringType)
                && schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            return Task.CompletedTask;
        });
}
