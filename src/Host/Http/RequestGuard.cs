using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>
    /// The largest body read for a caller who has not signed in (a survey answer, a sign-in) and for one who has (a
    /// workflow definition is the largest we send, tens of KB): a larger body is refused before it is read whole.
    /// </summary>
    public const int MaxAnonymousBodyBytes = 64 * 1024, MaxBodyBytes = 4 * 1024 * 1024;

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
        var limit = context.User.Identity?.IsAuthenticated == true ? MaxBodyBytes : MaxAnonymousBodyBytes;
        if (errors.Count == 0 && HasJsonBody(context.Request) && !await CheckBodyAsync(context.Request, limit, errors))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge, Title = "The request is too large",
                    Detail = $"The body may hold at most {limit} bytes here.",
                },
            });
            return;
        }
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

    /// <summary>False when the body is larger than <paramref name="limit"/>; otherwise its problems are added to <paramref name="errors"/>.</summary>
    private static async Task<bool> CheckBodyAsync(HttpRequest request, int limit, Dictionary<string, string[]> errors)
    {
        if (request.ContentLength > limit) return false;
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        for (int read; (read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0;)
        {
            if (buffer.Length + read > limit) return false;
            buffer.Write(chunk, 0, read);
        }
        request.Body.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Trim(" \t\r\n"u8).IsEmpty) return true;
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            if (JsonBodyCheck.Check(bytes) is { } problem) errors[problem.Path] = [problem.Message];
        }
        catch (JsonException e)
        {
            errors["$"] = [$"the body is not valid JSON: {e.Message}"];
        }
        return true;
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
