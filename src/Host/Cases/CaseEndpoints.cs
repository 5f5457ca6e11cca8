using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Http;
using AfterSales.Persistence.Cases;
using AfterSales.Persistence.Instances;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Cases;

/// <summary>Cases: open one (which starts its kind's workflow), list, look at one, book costs.</summary>
internal static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases");
        group.MapPost("/", OpenCase).Accepts<JsonObject>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListCases).ProducesValidationProblem();
        group.MapGet("/{caseId}", GetCase).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{caseId}/costs", AddCost).Accepts<JsonObject>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Checks the request, allocates the case's id and number and starts the published workflow of its kind with the
    /// case as an initial effect: the case row, its timeline and its first tasks are written with the instance's first burst.
    /// </summary>
    public static async Task<Results<Created<CaseView>, ProblemHttpResult>> OpenCase(
        HttpRequest request, ClaimsPrincipal principal, IWorkflowDefinitionStore definitions, CaseService cases, CaseQueries queries,
        WorkflowRuntime runtime, IIdGenerator ids, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var (newCase, errors) = NewCaseRequest.Read(body);
        if (newCase is null) return Problems.BadRequest("The case is invalid", errors);
        // Checked before a number is taken, so a kind without a workflow writes nothing.
        if (await definitions.FindPublishedAsync(newCase.Kind, cancellationToken) is null)
            return KindConflict(newCase.Kind, $"there is no published workflow '{newCase.Kind}': publish it before opening {newCase.Kind} cases");

        var user = principal.Identity?.Name;
        var opened = newCase.Open(ids.NewId(), await cases.AllocateNumberAsync(cancellationToken), user, time.GetUtcNow());
        RuntimeResult started;
        try
        {
            started = await runtime.StartAsync(newCase.Kind, newCase.WorkflowInput(opened, newCase.Owner ?? user), correlationId: opened.CaseId,
                initialEffects: [opened], cancellationToken: cancellationToken);
        }
        catch (WorkflowInputException e)
        {
            // Our input does not fit the published workflow: a definition problem, not the caller's. The number is lost (gaps are fine).
            return KindConflict(newCase.Kind, $"the published workflow '{newCase.Kind}' does not accept the case: {e.Message}");
        }
        if (started.Outcome == RunOutcome.DefinitionNotFound) return KindConflict(newCase.Kind, started.Message ?? "no published workflow");
        var view = await queries.GetAsync(opened.CaseId, cancellationToken)
            ?? throw new InvalidOperationException($"case {opened.CaseId} was not written with its workflow's first burst");
        return TypedResults.Created($"/api/cases/{view.Id}", view);
    }

    public static async Task<Results<Ok<Page<CaseView>>, ProblemHttpResult>> ListCases(
        CaseQueries queries, CancellationToken cancellationToken,
        string? kind = null, string? status = null, string? customer = null, bool overdue = false, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is not null && !CaseKinds.All.Contains(kind)) errors["kind"] = [$"'{kind}' is not one of: {string.Join(", ", CaseKinds.All)}"];
        if (status is not null && !CaseStatuses.All.Contains(status)) errors["status"] = [$"'{status}' is not one of: {string.Join(", ", CaseStatuses.All)}"];
        Paging.Check(errors, page, pageSize, CaseQueries.MaxPageSize);
        if (errors.Count > 0) return Problems.BadRequest("The query is invalid", errors);
        return TypedResults.Ok(await queries.ListAsync(new CaseFilter(kind, status, customer?.Trim(), overdue, page, pageSize), cancellationToken));
    }

    /// <summary>The case with its timeline, open tasks, follow-ups, forms, costs, mails and SLA.</summary>
    public static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> GetCase(string caseId, CaseQueries queries, CancellationToken cancellationToken) =>
        await queries.GetDetailsAsync(caseId, cancellationToken) is { } details
            ? TypedResults.Ok(details)
            : Problems.NotFound($"There is no case '{caseId}'.");

    /// <summary>Books a cost: <c>{kind: labour|material|transport|travel|installation|commissioning, amount, personTimes, note}</c>.</summary>
    public static async Task<Results<Created<CaseCostView>, ProblemHttpResult>> AddCost(
        string caseId, HttpRequest request, ClaimsPrincipal principal, CaseService cases, CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var f = new FieldReader();
        var root = f.Object(body, "$", required: true);
        var kind = f.OneOf(root, "kind", "kind", CaseCostKinds.All, required: true);
        var amount = f.Amount(root, "amount", "amount", 9_999_999_999.99m);
        var personTimes = f.Integer(root, "personTimes", "personTimes", 0, 100_000, required: false) ?? 0;
        var note = f.Text(root, "note", "note", required: false, maxLength: 2000);
        if (!f.IsValid) return Problems.BadRequest("The cost is invalid", f.Errors);

        var cost = await cases.AddCostAsync(caseId, new NewCaseCost(kind!, amount!.Value, personTimes, note, principal.Identity?.Name), cancellationToken);
        if (cost is null) return Problems.NotFound($"There is no case '{caseId}'.");
        return TypedResults.Created($"/api/cases/{caseId}", cost);
    }

    private static ProblemHttpResult KindConflict(string kind, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["kind"] = [message] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The case cannot be opened",
            Detail = message,
        });
}
