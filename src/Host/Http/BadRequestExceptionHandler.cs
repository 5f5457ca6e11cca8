using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace AfterSales.Host.Http;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON body, a query value of the wrong type) into a 400
/// problem that says what was wrong, instead of a bare 400 or a 500. A query or route value that does not bind is named
/// in <c>errors</c> like every other refused field (<c>page=abc</c> → <c>errors.page</c>).
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        var detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;
        var problem = BindingFailure(bad.Message) is { } failure
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [failure.Name] = [$"'{failure.Value}' is not a valid {Describe(failure.Type)}"],
            })
            : new Microsoft.AspNetCore.Mvc.ProblemDetails();
        problem.Status = bad.StatusCode;
        problem.Title = "The request is malformed";
        problem.Detail = detail;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    /// <summary>
    /// The parameter of ASP.NET Core's binding message, <c>Failed to bind parameter "int page" from "abc".</c>
    /// (a constant in its request delegate factory, not localised).
    /// </summary>
    internal static (string Type, string Name, string Value)? BindingFailure(string message) =>
        BindingMessage().Match(message) is { Success: true } m
            ? (m.Groups["type"].Value, m.Groups["name"].Value, m.Groups["value"].Value)
            : null;

    private static string Describe(string type) => type.TrimEnd('?') switch
    {
        "int" or "long" or "Int32" or "Int64" => "whole number",
        "bool" or "Boolean" => "boolean (true or false)",
        "DateOnly" => "date (yyyy-MM-dd)",
        "DateTimeOffset" or "DateTime" => "date and time (ISO 8601)",
        var other => other,
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""",
        RegexOptions.Singleline)]
    private static partial Regex BindingMessage();
}
