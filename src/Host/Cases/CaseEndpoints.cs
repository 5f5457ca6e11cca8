using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Host.Http;
using AfterSales.Host.Jobs;
using AfterSales.Persistence.Cases;
using AfterSales.Persistence.Instances;
using AfterSales.Persistence.Users;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace AfterSales.Host.Cases;

/// <summary>Cases: open one (which starts its kind's workflow), list, look at one, book costs.</summary>
internal static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases");
        group.MapPost("/", OpenCase).Accepts<OpenCaseRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = CaseRequestKeys.Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "A key of the client's choosing (e.g. a UUID): a retry with the same key answers the case the first request opened.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = CaseRequestKeys.MaxLength },
                });
                return Task.CompletedTask;
            });
        group.MapGet("/", ListCases).ProducesValidationProblem();
        group.MapGet("/{caseId}", GetCase).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{caseId}/costs", AddCost).Accepts<NewCostRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Checks the request, then starts the published workflow of its kind with the case as an initial effect: the case
    /// row, its number, its timeline, its first tasks and its <c>Idempotency-Key</c> are written with the instance's first
    /// burst, or nothing is. A refused request uses no number; a retry with the same key answers the same case.
    /// </summary>
    public static async Task<Results<Created<CaseView>, ProblemHttpResult>> OpenCase(
        HttpRequest request, ClaimsPrincipal principal, IWorkflowDefinitionStore definitions, CaseService cases, CaseQueries queries,
        UserAccounts users, WorkflowRuntime runtime, IIdGenerator ids, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var user = principal.Identity?.Name ?? "";
        var (key, keyProblem) = CaseRequestKeys.Read(request, user, body);
        if (keyProblem is not null) return Problems.BadRequest("The request is invalid", CaseRequestKeys.Header, keyProblem);
        if (key is not null && await AnswerRetryAsync(key, cases, queries, cancellationToken) is { } retried) return retried;

        var (newCase, errors) = NewCaseRequest.Read(body);
        if (newCase is null) return Problems.BadRequest("The case is invalid", errors);
        if (newCase.Owner is { } owner && await users.FindAsync(owner, cancellationToken) is null)
            return Problems.BadRequest("The case is invalid", "owner", $"there is no user '{owner}'");
        // Checked before a number is taken, so a kind without a workflow writes nothing.
        var workflow = await definitions.FindPublishedAsync(newCase.Kind, cancellationToken);
        if (workflow is null)
            return KindConflict(newCase.Kind, $"there is no published workflow '{newCase.Kind}': publish it before opening {newCase.Kind} cases");

        var caseId = ids.NewId();
        // Each attempt proposes the year's next number; one another opener took meanwhile fails the write, so propose again,
        // past the taken one, after a random pause: openers that collided together would otherwise collide again together.
        string? taken = null;
        for (var attempt = 1; ; attempt++)
        {
            var opened = newCase.Open(caseId, await cases.ProposeNumberAsync(taken, cancellationToken), user, time.GetUtcNow()) with { RequestKey = key };
            RuntimeResult started;
            try
            {
                // The case offers all its fields; the workflow takes those it declares as inputs (an undeclared input is refused).
                started = await runtime.StartAsync(newCase.Kind, workflow.AcceptedInputs(newCase.WorkflowInput(opened, newCase.Owner ?? user)),
                    correlationId: caseId,
                    initialEffects: [opened], cancellationToken: cancellationToken);
            }
            catch (WorkflowInputException e)
            {
                // Our input does not fit the published workflow: a definition problem, not the caller's. Nothing was written.
                return KindConflict(newCase.Kind, $"the published workflow '{newCase.Kind}' does not accept the case: {e.Message}");
            }
            catch (Exception e) when (CaseNumbers.IsTaken(e))
            {
                // Nothing was written: after the last attempt the caller may safely send the request again.
                if (attempt == MaxNumberAttempts)
                {
                    request.HttpContext.Response.Headers.RetryAfter = "1";
                    return Problems.Unavailable("Too many cases are being opened at once; nothing was written: send the request again.");
                }
                taken = opened.Number;
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
                continue;
            }
            catch (Exception e) when (key is not null && CaseRequestKeyEntity.IsTaken(e))
            {
                // The same request, sent twice at once: the other one opened the case.
                return await AnswerRetryAsync(key, cases, queries, cancellationToken) ?? throw new InvalidOperationException("the key's case is gone", e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return await AnswerOpenedAsync(request.HttpContext.Response, opened, queries, e, cancellationToken);
            }
            if (started.Outcome == RunOutcome.DefinitionNotFound) return KindConflict(newCase.Kind, started.Message ?? "no published workflow");
            return await AnswerOpenedAsync(request.HttpContext.Response, opened, queries, failure: null, cancellationToken);
        }
    }

    private const int MaxNumberAttempts = 30;

    /// <summary>The case an earlier request with this key opened (201, as the first answer), 422 for another body, null when the key is new.</summary>
    private static async Task<Results<Created<CaseView>, ProblemHttpResult>?> AnswerRetryAsync(
        CaseRequestKey key, CaseService cases, CaseQueries queries, CancellationToken cancellationToken)
    {
        if (await cases.FindRequestKeyAsync(key.UserName, key.Key, cancellationToken) is not { } found) return null;
        if (found.RequestHash != key.RequestHash)
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [CaseRequestKeys.Header] = ["was used for another request: send a new key with a new case"],
            }) { Status = StatusCodes.Status422UnprocessableEntity, Title = "The idempotency key was used for another request" });
        var view = await queries.GetAsync(found.CaseId, cancellationToken);
        if (view is null) return null;
        return TypedResults.Created($"/api/cases/{view.Id}", view);
    }

    /// <summary>
    /// The case as opened, read after its start. When the start threw (<paramref name="failure"/>: the work after the
    /// commit, a database blip) the case may still have been written: then it is answered as opened (its follow-up work
    /// is recovered, not redone by a retry), and when it was not, the failure stands. When the case cannot be read, the
    /// caller hears so (503 with Retry-After) with what makes sending again safe, never a 500 that invites a duplicate.
    /// </summary>
    private static async Task<Results<Created<CaseView>, ProblemHttpResult>> AnswerOpenedAsync(
        HttpResponse response, CaseOpened opened, CaseQueries queries, Exception? failure, CancellationToken cancellationToken)
    {
        CaseView? view;
        try
        {
            view = await queries.GetAsync(opened.CaseId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            response.Headers.RetryAfter = "5";
            var what = failure is null ? $"Case {opened.Number} was opened" : $"Case {opened.Number} may have been opened";
            var retry = opened.RequestKey is not null
                ? $"Send the request again with the same {CaseRequestKeys.Header} header: it answers the case and never opens a second one."
                : $"Look for it before sending the request again, or send requests with an {CaseRequestKeys.Header} header, which never opens a second case.";
            return Problems.Unavailable($"{what}, but it cannot be read now. {retry}");
        }
        if (view is not null) return TypedResults.Created($"/api/cases/{view.Id}", view);
        // Not written: the failure stands, with its own stack trace.
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        throw new InvalidOperationException($"case {opened.CaseId} was not written with its workflow's first burst");
    }

    /// <summary>
    /// Cases matching every given filter: <c>createdFrom</c> and <c>createdTo</c> are days (inclusive) in the company's
    /// time zone (<c>Jobs:TimeZone</c>); <c>sort</c> is <c>createdAt</c> (newest first, the default), <c>dueAt</c>
    /// (first response due soonest first) or <c>number</c>.
    /// </summary>
    public static async Task<Results<Ok<Page<CaseView>>, ProblemHttpResult>> ListCases(
        CaseQueries queries, ClaimsPrincipal principal, PersonalData personalData, IOptions<JobsOptions> jobs,
        CancellationToken cancellationToken,
        string? kind = null, string? status = null, string? customer = null, bool overdue = false,
        bool escalated = false, DateOnly? createdFrom = null, DateOnly? createdTo = null, string? sort = null,
        int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is not null && !CaseKinds.All.Contains(kind)) errors["kind"] = [$"'{kind}' is not one of: {string.Join(", ", CaseKinds.All)}"];
        if (status is not null && !CaseStatuses.All.Contains(status)) errors["status"] = [$"'{status}' is not one of: {string.Join(", ", CaseStatuses.All)}"];
        if (sort is not null && !CaseSorts.All.Contains(sort))
            errors["sort"] = [$"'{sort}' is not one of: {string.Join(", ", CaseSorts.All)}"];
        if (createdFrom > createdTo)
            errors["createdTo"] = [$"must not be before createdFrom ({createdFrom:yyyy-MM-dd})"];
        Paging.Check(errors, page, pageSize, CaseQueries.MaxPageSize);
        if (errors.Count > 0) return Problems.BadRequest("The query is invalid", errors);
        var zone = jobs.Value.FindTimeZone();
        var filter = new CaseFilter(kind, status, customer?.Trim(), overdue, page, pageSize)
        {
            Escalated = escalated,
            CreatedFrom = createdFrom is { } from ? StartOf(from, zone) : null,
            CreatedBefore = createdTo is { } to && to < DateOnly.MaxValue ? StartOf(to.AddDays(1), zone) : null,
            Sort = sort ?? CaseSorts.CreatedAt,
        };
        var found = await queries.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(found with { Items = await personalData.FilterAsync(principal, found.Items, c => c.Id, cancellationToken) });
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        // A midnight skipped by a clock change: the day starts an hour later.
        while (zone.IsInvalidTime(midnight)) midnight = midnight.AddHours(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>
    /// The case with its timeline, open and done tasks, follow-ups, forms, costs, mails, SLA and survey answer.
    /// </summary>
    public static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> GetCase(
        string caseId, CaseQueries queries, ClaimsPrincipal principal, PersonalData personalData, CancellationToken cancellationToken) =>
        await queries.GetDetailsAsync(caseId, cancellationToken) is { } details
            ? TypedResults.Ok(await personalData.FilterAsync(principal, details, cancellationToken))
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
