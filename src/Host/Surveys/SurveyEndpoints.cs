using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Http;
using AfterSales.Persistence.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Surveys;

/// <summary>
/// The customer's side of a satisfaction survey: a public page at the link the survey mail carries, and the answer it
/// posts. Open to anonymous callers: the unguessable token is the authorisation.
/// </summary>
internal static class SurveyEndpoints
{
    public static void MapSurveyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/survey/{token}", ShowSurvey).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/api/surveys/{token}", AnswerSurvey).AllowAnonymous().WithTags("Surveys").Accepts<SurveyAnswerRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
    }

    public static async Task<ContentHttpResult> ShowSurvey(string token, SurveyService surveys, HttpRequest request,
        HttpResponse response, CancellationToken cancellationToken, string? lang = null)
    {
        // The page holds a token that answers the survey: never cached, its own script and style only (SecurityHeaders adds the rest).
        response.Headers.ContentSecurityPolicy = SurveyPage.ContentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.Vary = "Accept-Language";
        var language = SurveyLanguages.Choose(lang, request.GetTypedHeaders());
        var survey = await surveys.FindAsync(token, cancellationToken);
        var state = survey is null ? SurveyPage.State.Unknown
            : survey.AnsweredAt is not null ? SurveyPage.State.Answered
            : surveys.IsExpired(survey) ? SurveyPage.State.Expired
            : SurveyPage.State.Open;
        return TypedResults.Content(SurveyPage.Render(token, survey?.CaseNumber, state, language),
            "text/html; charset=utf-8",
            statusCode: state == SurveyPage.State.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    /// <summary><c>{rating: 1–5, comment, wouldRecommend}</c>: 201 the first time, 409 after, 410 once expired.</summary>
    public static async Task<Results<Created, ProblemHttpResult>> AnswerSurvey(
        string token, HttpRequest request, SurveyService surveys, CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var f = new FieldReader();
        var root = f.Object(body, "$", required: true);
        var rating = f.Integer(root, "rating", "rating", 1, 5, required: true);
        var comment = f.Text(root, "comment", "comment", required: false, maxLength: 2000);
        var wouldRecommend = f.Boolean(root, "wouldRecommend", "wouldRecommend") ?? false;
        if (!f.IsValid) return Problems.BadRequest("The answer is invalid", f.Errors);

        return await surveys.AnswerAsync(token, new SurveyAnswer(rating!.Value, comment, wouldRecommend), cancellationToken) switch
        {
            SurveyAnswerResult.Recorded => TypedResults.Created($"/survey/{token}"),
            SurveyAnswerResult.AlreadyAnswered => Problems.Conflict("This survey has been answered already."),
            SurveyAnswerResult.Expired => TypedResults.Problem("This survey has expired.", statusCode: StatusCodes.Status410Gone, title: "Gone"),
            _ => Problems.NotFound("There is no such survey."),
        };
    }
}
