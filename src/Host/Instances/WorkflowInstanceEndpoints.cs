using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Auth;
using AfterSales.Host.Http;
using AfterSales.Persistence.Instances;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Instances;

/// <summary>
/// Running workflows: start, look at, and move on (signals, bookmark resumes, retry, cancel). Moving an instance by hand is for
/// <see cref="Policies.InstanceOperator"/>s; people complete their tasks through the tasks API, which checks the task's role.
/// </summary>
internal static class WorkflowInstanceEndpoints
{
    private const int MaxPageSize = 500;

    public static void MapWorkflowInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-instances").WithTags("Workflow instances");
        group.MapPost("/", StartInstance).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListInstances).ProducesValidationProblem();
        group.MapGet("/{instanceId}", GetInstance).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{instanceId}/signals/{signal}", SendSignal).RequireAuthorization(Policies.InstanceOperator).Accepts<JsonNode>("application/json").WithRuntimeProblems();
        group.MapPost("/{instanceId}/bookmarks/{bookmarkId}/resume", ResumeBookmark).RequireAuthorization(Policies.InstanceOperator).Accepts<JsonNode>("application/json").WithRuntimeProblems();
        group.MapPost("/{instanceId}/retry", Retry).RequireAuthorization(Policies.InstanceOperator).WithRuntimeProblems();
        group.MapPost("/{instanceId}/cancel", Cancel).RequireAuthorization(Policies.InstanceOperator).WithRuntimeProblems();
    }

    public static async Task<Results<Created<WorkflowInstanceResponse>, ProblemHttpResult>> StartInstance(
        StartInstanceRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
            return Problems.BadRequest("The instance cannot start", "definitionId", "is required");
        RuntimeResult result;
        try
        {
            result = await runtime.StartAsync(request.DefinitionId, request.Input, request.CorrelationId, request.Version, cancellationToken: cancellationToken);
        }
        catch (WorkflowInputException e)
        {
            return Problems.BadRequest("The input does not fit the workflow", $"input.{e.Field}", e.Message);
        }
        if (!result.Succeeded) return result.ToProblem();
        return TypedResults.Created($"/api/workflow-instances/{result.Instance!.Id}", WorkflowInstanceResponse.From(result.Instance));
    }

    public static async Task<Results<Ok<Page<InstanceSummary>>, ProblemHttpResult>> ListInstances(
        WorkflowInstanceQueries queries, CancellationToken cancellationToken,
        string? definitionId = null, string? status = null, string? correlationId = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        WorkflowStatus parsed = default;
        if (status is not null && !Enum.TryParse(status, ignoreCase: true, out parsed))
            errors["status"] = [$"'{status}' is not a status: one of {string.Join(", ", Enum.GetNames<WorkflowStatus>())}"];
        Paging.Check(errors, page, pageSize, MaxPageSize);
        if (errors.Count > 0) return Problems.BadRequest("The query is invalid", errors);

        var filter = new InstanceFilter(definitionId, status is null ? null : parsed.ToString(), correlationId, page, pageSize);
        return TypedResults.Ok(await queries.ListAsync(filter, cancellationToken));
    }

    /// <summary>Summary, state (variables, status), bookmarks, journal and incidents.</summary>
    public static async Task<Results<Ok<InstanceDetails>, ProblemHttpResult>> GetInstance(
        string instanceId, WorkflowInstanceQueries queries, CancellationToken cancellationToken)
    {
        var details = await queries.GetAsync(instanceId, cancellationToken);
        if (details is null) return Problems.NotFound($"There is no workflow instance '{instanceId}'.");
        return TypedResults.Ok(details);
    }

    /// <summary>Resumes the instance's WaitForSignal bookmarks waiting for <paramref name="signal"/>, with the body as the signal's payload.</summary>
    public static async Task<Results<Ok<WorkflowInstanceResponse>, ProblemHttpResult>> SendSignal(
        string instanceId, string signal, HttpRequest request, IWorkflowInstanceStore instances, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        JsonNode? payload;
        try
        {
            payload = await request.ReadJsonAsync(cancellationToken);
        }
        catch (JsonException e)
        {
            return MalformedPayload(e);
        }
        var instance = await instances.FindAsync(instanceId, cancellationToken);
        if (instance is null) return Problems.NotFound($"There is no workflow instance '{instanceId}'.");
        var name = SignalBookmark.Name(signal);
        var bookmarks = instance.Bookmarks.Where(b => b.Name == name).ToList();
        if (bookmarks.Count == 0) return Problems.NotFound($"Workflow instance '{instanceId}' is not waiting for signal '{signal}'.");

        RuntimeResult? resumed = null, refused = null;
        foreach (var bookmark in bookmarks)
        {
            var result = await runtime.ResumeAsync(instanceId, bookmark.Id, payload?.DeepClone(), cancellationToken);
            if (result.Succeeded) resumed = result;
            else refused ??= result;
        }
        return (resumed ?? refused!).ToHttp();
    }

    /// <summary>Resumes one bookmark with the body as its payload: how a human task is completed until the tasks API exists.</summary>
    public static async Task<Results<Ok<WorkflowInstanceResponse>, ProblemHttpResult>> ResumeBookmark(
        string instanceId, string bookmarkId, HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        JsonNode? payload;
        try
        {
            payload = await request.ReadJsonAsync(cancellationToken);
        }
        catch (JsonException e)
        {
            return MalformedPayload(e);
        }
        return (await runtime.ResumeAsync(instanceId, bookmarkId, payload, cancellationToken)).ToHttp();
    }

    /// <summary>Runs a faulted instance again from the step that failed.</summary>
    public static async Task<Results<Ok<WorkflowInstanceResponse>, ProblemHttpResult>> Retry(
        string instanceId, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        (await runtime.RetryAsync(instanceId, cancellationToken)).ToHttp();

    public static async Task<Results<Ok<WorkflowInstanceResponse>, ProblemHttpResult>> Cancel(
        string instanceId, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        (await runtime.CancelAsync(instanceId, cancellationToken)).ToHttp();

    private static ProblemHttpResult MalformedPayload(JsonException e) =>
        Problems.BadRequest("The payload is not valid JSON", e.Path ?? "$", e.Message);

    private static RouteHandlerBuilder WithRuntimeProblems(this RouteHandlerBuilder route) => route
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
