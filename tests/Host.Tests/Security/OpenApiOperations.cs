using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;

namespace AfterSales.Host.Tests.Security;

/// <summary>One operation of <c>/openapi/v1.json</c>: <c>POST /api/cases/{caseId}/costs</c>.</summary>
internal sealed record OpenApiOperation(string Method, string Path)
{
    public string Key => $"{Method} {Path}";

    public bool Writes => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>The path with every parameter replaced by <paramref name="value"/> (route constraints such as <c>:long</c> take a number).</summary>
    public string Url(string value = "999999999") => Url(_ => value);

    /// <summary>The path with each parameter replaced by what <paramref name="value"/> answers for its name.</summary>
    public string Url(Func<string, string> value) =>
        System.Text.RegularExpressions.Regex.Replace(Path, @"\{([^}]+)\}", m => Uri.EscapeDataString(value(m.Groups[1].Value)));

    /// <summary>Every operation the signed-in <paramref name="client"/> finds in the Host's OpenAPI document.</summary>
    public static async Task<IReadOnlyList<OpenApiOperation>> ReadAsync(HttpClient client)
    {
        var document = await client.GetJsonAsync("/openapi/v1.json");
        return document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(op => new OpenApiOperation(op.Key.ToUpperInvariant(), path.Key)))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToList();
    }
}
