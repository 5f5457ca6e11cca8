using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Auth;
using AfterSales.Host.Http;
using AfterSales.Persistence.Cases;
using AfterSales.Persistence.Instances;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Instances;

/// <summary>
/// Running workflows: start, look at, and move on (signals, bookmark resumes, retry, cancel). All of it is for
/// <see cref="Policies.InstanceOperator"/>s: starting an instance by hand runs a workflow with the caller's input (its mails
/// included), and an instance's variables hold case data. People open cases through the cases API, which starts the case's
/// workflow, and complete their tasks through the tasks API, which checks the task's role.
/// </summary>
internal static class WorkflowInstanceEndpoints
{
    private const int MaxPageSize = 500;

    /// <summary>A case id is 32 characters; room for other correlations, none for a 100 KB one.</summary>
    private const int MaxCorrelationIdLength = 100;

    public static void MapWorkflowInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-instances").WithTags("Workflow instances").RequireAuthorization(Policies.InstanceOperator);
        group.MapPost("/", StartInstance).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListInstances).ProducesValidationProblem();
        group.MapGet("/{instanceId}", GetInstance).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{instanceId}/signals/{signal}", SendSignal).Accepts<JsonNode>("application/json").WithRuntimeProblems();
        group.MapPost("/{instanceId}/bookmarks/{bookmarkId}/resume", ResumeBookmark).Accepts<JsonNode>("application/json").WithRuntimeProblems();
        group.MapPost("/{instanceId}/retry", Retry).WithRuntimeProblems();
        group.MapPost("/{instanceId}/cancel", Cancel).WithRuntimeProblems();
    }

    /// <summary>
    /// Starts the published version, or <c>version</c>: a version that is not the published one (a draft, an old version) only
    /// for a process owner, who tries out what they edit. Input may set only what the definition declares as inputs.
    /// </summary>
    public static async Task<Results<Created<WorkflowInstanceResponse>, ProblemHttpResult>> StartInstance(
        StartInstanceRequest request, ClaimsPrincipal principal, IWorkflowDefinitionStore definitions, WorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        if (DefinitionIds.Check(request.DefinitionId) is { } idProblem)
            return Problems.BadRequest("The instance cannot start", "definitionId", idProblem);
        if (request.CorrelationId is { Length: > MaxCorrelationIdLength })
            return Problems.BadRequest("The instance cannot start", "correlationId", $"must be at most {MaxCorrelationIdLength} characters");
        if (request.Version is { } version && !principal.IsInRole(Roles.ProcessOwner)
            && (await definitions.FindPublishedAsync(request.DefinitionId!, cancellationToken))?.Version != version)
            return Problems.Forbidden($"Version {version} of '{request.DefinitionId}' is not the published one: only a process owner may start it.");
        RuntimeResult result;
        try
        {
            result = await runtime.StartAsync(request.DefinitionId!, request.Input, request.CorrelationId, request.Version, cancellationToken: cancellationToken);
        }
        catch (WorkflowInputException e)
        {
            return Problems.BadRequest("The input does not fit the workflow", $"input.{e.Field}", e.Message);
        }
        catch (CaseBindingException e)
        {
            return Problems.Conflict($"correlationId: {e.Message}. A case's workflow starts when the case is opened (POST /api/cases).");
        }
        if (!result.Succeeded) return result.ToProblem();
        return TypedResults.Created($"/api/workflow-instances/{result.Instance!.Id}", WorkflowInstanceResponse.From(result.Instance));
    }

    public static async Task<Results<Ok<Page<InstanceSummary>>, ProblemHttpResult>> ListInstances(
        WorkflowInstanceQueries queries, CancellationToken cancellationToken,
        string? definitionId = null, string? status = null, string? correlationId = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (definitionId is not null && DefinitionIds.Check(definitionId) is { } idProblem) errors["definitionId"] = [idProblem];
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
        string instanceId, string bookmarkId, HttpRequest request, ClaimsPrincipal principal, WorkflowRuntime runtime,
        CancellationToken cancellationToken)
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
        // A raw resume is the operator's act: a task it completes is recorded as completed by the operator, never by a
        // user the body names (that would forge the task's history and pass over its role check).
        if (payload is JsonObject body) body["user"] = principal.Identity?.Name;
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
