using AfterSales.Host.Http;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Instances;

/// <summary>The one place a runtime call's answer becomes HTTP; a refused call has changed nothing.</summary>
internal static class RuntimeResults
{
    public static Results<Ok<WorkflowInstanceResponse>, ProblemHttpResult> ToHttp(this RuntimeResult result) =>
        result.Succeeded ? TypedResults.Ok(WorkflowInstanceResponse.From(result.Instance!)) : result.ToProblem();

    /// <summary>
    /// The problem a refusal answers; a rejected payload names every field the activity refused (<c>errors</c>), under
    /// <paramref name="rejectedTitle"/>.
    /// </summary>
    public static ProblemHttpResult ToProblem(
        this RuntimeResult result, string rejectedTitle = "The payload was rejected")
    {
        var message = result.Message ?? result.Outcome.ToString();
        return result.Outcome switch
        {
            RunOutcome.InstanceNotFound => Problems.NotFound(message),
            RunOutcome.DefinitionNotFound => Problems.NotFound(message),
            RunOutcome.NotAllowed => Problems.Conflict(message),
            RunOutcome.BookmarkNotFound => Problems.Conflict(message),
            RunOutcome.Rejected => Problems.BadRequest(rejectedTitle,
                result.Errors?.ToDictionary()
                    ?? new Dictionary<string, string[]> { [result.Field ?? "payload"] = [message] }),
            _ => throw new InvalidOperationException($"{result.Outcome} is not a refusal"),
        };
    }
}
