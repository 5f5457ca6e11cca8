using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.OpenApi;

/// <summary>
/// The web application generates its client types from <c>/openapi/v1.json</c>, so every request body and every
/// successful answer must be a named schema, not a bare object.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OpenApiSchemaTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task EveryOperation_HasTypedRequestAndResponseSchemas()
    {
        var document = await Client.GetJsonAsync("/openapi/v1.json");
        var components = document["components"]?["schemas"]?.AsObject() ?? [];
        var untyped = new List<string>();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "patch" or "delete")) continue;
                var key = $"{method.ToUpperInvariant()} {path}";

                if (operation!["requestBody"]?["content"] is JsonObject requestContent && !AnyPayload.Contains(key))
                {
                    foreach (var (type, media) in requestContent)
                        if (!IsNamed(media?["schema"], components)) untyped.Add($"{key} request ({type})");
                }

                var responses = operation["responses"]!.AsObject();
                if (!responses.Any(r => r.Key.StartsWith('2'))) untyped.Add($"{key} declares no 2xx answer");
                foreach (var (status, response) in responses)
                {
                    if (!status.StartsWith('2') || status == "204") continue;
                    // Created with the new resource's address in Location and no body.
                    if (status == "201" && response!["content"] is null) continue;
                    if (response!["content"] is not JsonObject content || content.Count == 0)
                    {
                        untyped.Add($"{key} {status} has no schema");
                        continue;
                    }
                    foreach (var (type, media) in content)
                        if (!IsNamed(media?["schema"], components) && !IsTypedScalar(type, media?["schema"])) untyped.Add($"{key} {status} ({type})");
                }
            }
        }

        Assert.True(untyped.Count == 0, $"{untyped.Count} untyped: {string.Join("; ", untyped)}");
    }

    // The payload a bookmark or a signal resumes with is the workflow's to define: any JSON, by design.
    private static readonly HashSet<string> AnyPayload =
    [
        "POST /api/workflow-instances/{instanceId}/signals/{signal}",
        "POST /api/workflow-instances/{instanceId}/bookmarks/{bookmarkId}/resume",
    ];

    // A $ref to a component that describes something (not JsonObject/JsonNode: an object of anything), or an array of them.
    private static bool IsNamed(JsonNode? schema, JsonObject components)
    {
        if (schema?["type"]?.ToString() == "array") return IsNamed(schema["items"], components);
        if (schema?["$ref"]?.ToString() is not { } reference) return false;
        var name = reference[(reference.LastIndexOf('/') + 1)..];
        return name is not ("JsonObject" or "JsonNode" or "JsonElement" or "JsonDocument")
            && components[name] is JsonObject component
            && (component["properties"] is not null || component["enum"] is not null || component["items"] is not null);
    }

    // A page or a file that is not JSON (the survey page, a JSON schema document) is described by its media type.
    private static bool IsTypedScalar(string type, JsonNode? schema) =>
        !type.Contains("json", StringComparison.Ordinal) || type == "application/schema+json" && schema is not null;
}
