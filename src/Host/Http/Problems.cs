using AfterSales.Workflows.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Http;

/// <summary>
/// The API's error answers, all RFC 7807 problem details (<c>application/problem+json</c>). A 400 carries an
/// <c>errors</c> dictionary keyed by what is wrong: a JSON path, a field, or <c>activityId.field</c>.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string title, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = title });

    public static ProblemHttpResult BadRequest(string title, string field, string message) =>
        BadRequest(title, new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult MalformedJson(WorkflowJsonException e) =>
        BadRequest("The workflow JSON is malformed", e.Path, e.Problem);

    /// <summary>The errors of an invalid definition (warnings do not stop a save, so they are left out).</summary>
    public static ProblemHttpResult InvalidDefinition(WorkflowValidationException e) =>
        BadRequest("The workflow definition is invalid", e.Problems
            .Where(p => p.Severity == Severity.Error)
            .GroupBy(p => p.ActivityId is null ? p.Field : $"{p.ActivityId}.{p.Field}")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");

    /// <summary>Signed in, but without the role this needs: the detail names it.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");
}
