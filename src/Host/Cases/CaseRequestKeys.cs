using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Persistence.Cases;

namespace AfterSales.Host.Cases;

/// <summary>
/// The <c>Idempotency-Key</c> header of <c>POST /api/cases</c>: a client that did not get an answer (a timeout, a 503)
/// sends the same request with the same key again and gets the case the first one opened, never a second case.
/// </summary>
internal static class CaseRequestKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>The key of the request (null when none), or why the header is invalid.</summary>
    public static (CaseRequestKey? Key, string? Problem) Read(HttpRequest request, string userName, JsonNode? body)
    {
        var values = request.Headers[Header];
        if (values.Count == 0) return (null, null);
        if (values.Count > 1) return (null, "must be given once");
        var key = values[0] ?? "";
        // Visible ASCII: what a UUID or any client's token is made of, and nothing a log line or PostgreSQL would choke on.
        if (key.Length is 0 or > MaxLength || key.Any(c => c is < '!' or > '~'))
            return (null, $"must be 1 to {MaxLength} visible ASCII characters, e.g. a UUID");
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "")));
        return (new CaseRequestKey(userName, key, hash), null);
    }
}
