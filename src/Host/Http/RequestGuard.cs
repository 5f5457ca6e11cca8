using System.Text.Json;

namespace AfterSales.Host.Http;

/// <summary>
/// Refuses, before any endpoint runs, what no endpoint can store: a JSON body that is malformed, nested too deep, not
/// UTF-8, names a property twice or holds text with NUL or a lone surrogate, and a query or route value with NUL or a lone
/// surrogate. PostgreSQL refuses NUL in <c>text</c> and <c>jsonb</c>, and System.Text.Json throws on a duplicate key or a
/// lone surrogate only when the value is read, deep inside a handler: checking here, once, keeps every endpoint (the
/// anonymous ones included) at a 400 naming the field, with nothing written.
/// </summary>
internal sealed class RequestGuard(RequestDelegate next)
{
    /// <summary>The deepest JSON the API accepts; no request of ours comes near it.</summary>
    public const int MaxDepth = 64;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Request.Query)
        {
            if (TextProblem(name) is { } nameProblem) errors.TryAdd("$query", [$"a parameter name {nameProblem}"]);
            foreach (var value in values)
                if (value is not null && TextProblem(value) is { } problem) errors.TryAdd(name, [problem]);
        }
        foreach (var (name, value) in context.Request.RouteValues)
            if (value is string text && TextProblem(text) is { } problem) errors.TryAdd(name, [problem]);
        if (errors.Count == 0 && HasJsonBody(context.Request)) await CheckBodyAsync(context.Request, errors);
        if (errors.Count == 0)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "The request is malformed" },
        });
    }

    /// <summary>Every API body is JSON (the endpoints parse whatever comes, whatever its content type); the jobs dashboard posts forms.</summary>
    private static bool HasJsonBody(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && (request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0));

    private static async Task CheckBodyAsync(HttpRequest request, Dictionary<string, string[]> errors)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Trim(" \t\r\n"u8).IsEmpty) return;
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            if (JsonBodyCheck.Check(bytes) is { } problem) errors[problem.Path] = [problem.Message];
        }
        catch (JsonException e)
        {
            errors["$"] = [$"the body is not valid JSON: {e.Message}"];
        }
    }

    /// <summary>Why the text cannot be stored, or null: NUL, or half of a surrogate pair.</summary>
    internal static string? TextProblem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "must not contain the NUL character (U+0000)";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return $"must not contain a lone surrogate (U+{(int)c:X4}): it is not valid Unicode";
        }
        return null;
    }
}
