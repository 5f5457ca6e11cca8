using AfterSales.Host.Cases;
using AfterSales.Persistence.Cases;
using Microsoft.AspNetCore.OpenApi;

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

    public static OpenApiOptions AddClosedSets(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is { } property && property.AttributeProvider is System.Reflection.PropertyInfo clr
                && Sets.TryGetValue((clr.DeclaringType!, clr.Name), out var values))
                schema.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v)];
            return Task.CompletedTask;
        });
}
