using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Http;

/// <summary>
/// Bodies read as text rather than bound: workflow JSON goes to <c>WorkflowJson</c>, which names the JSON path of
/// what is malformed, and a resume payload may be any JSON value or nothing.
/// </summary>
internal static class RequestBody
{
    // RequestGuard refuses a duplicate key before any handler runs; parsing refuses it too, rather than throwing later on access.
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = RequestGuard.MaxDepth };

    public static async Task<string> ReadTextAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The body as JSON (null when empty); malformed JSON throws <see cref="JsonException"/> with its path.</summary>
    public static async Task<JsonNode?> ReadJsonAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await request.ReadTextAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text, documentOptions: DocumentOptions);
    }

    /// <summary>The body as JSON, or the 400 problem naming where it is malformed.</summary>
    public static async Task<(JsonNode? Body, ProblemHttpResult? Malformed)> ReadJsonBodyAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await request.ReadJsonAsync(cancellationToken), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest("The body is not valid JSON", e.Path ?? "$", e.Message));
        }
    }
}
