using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Host.Auth;
using AfterSales.Host.Http;
using AfterSales.Persistence.Definitions;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Definitions;

/// <summary>
/// Workflow definitions as the designer and the process owners edit them: drafts, versions, publishing, and the
/// workflow JSON (the Elsa-like shape of <see cref="WorkflowJson"/>) in and out. Every signed-in user reads and validates;
/// only a process owner changes anything.
/// Optimistic concurrency: reading a definition answers its <c>ETag</c>; a save, publish or retract sent with
/// <c>If-Match</c> happens only while the definition is still in that state, else 409 with the current tag and who
/// changed it, and nothing is written. <c>If-None-Match: *</c> on create refuses an id that exists (save as a copy).
/// </summary>
internal static class WorkflowDefinitionEndpoints
{
    private const string Json = "application/json";

    public static void MapWorkflowDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-definitions").WithTags("Workflow definitions").ChecksDefinitionId();
        group.MapGet("/", ListDefinitions);
        group.MapPost("/", CreateDraft).RequireAuthorization(Policies.ProcessOwner).Accepts<WorkflowDefinition>(Json).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/validate", ValidateDefinition).Accepts<WorkflowDefinition>(Json).ProducesValidationProblem();
        group.MapPost("/import", ImportDefinition).RequireAuthorization(Policies.ProcessOwner).Accepts<WorkflowDefinition>(Json).ProducesValidationProblem();
        group.MapGet("/{definitionId}", GetDefinition).Produces<WorkflowDefinition>(contentType: Json).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{definitionId}", SaveDraft).RequireAuthorization(Policies.ProcessOwner).Accepts<WorkflowDefinition>(Json).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{definitionId}/versions", ListVersions).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{definitionId}/publish", Publish).RequireAuthorization(Policies.ProcessOwner).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{definitionId}/retract", Retract).RequireAuthorization(Policies.ProcessOwner).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{definitionId}/export", Export).Produces<WorkflowDefinition>(contentType: Json).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The latest version of each definition, with its published version, draft and running instances.</summary>
    public static async Task<Ok<IReadOnlyList<DefinitionSummary>>> ListDefinitions(WorkflowDefinitionService definitions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await definitions.ListAsync(cancellationToken));

    /// <summary>Creates the definition's draft, or updates it; the body's definitionId says which.</summary>
    public static async Task<Results<Created<DefinitionVersionInfo>, ProblemHttpResult>> CreateDraft(
        HttpRequest request, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        try
        {
            var definition = WorkflowJson.Deserialize(await request.ReadTextAsync(cancellationToken));
            var info = await definitions.SaveDraftAsync(definition, Write(request), cancellationToken);
            await SetETagAsync(request.HttpContext, definitions, info.DefinitionId, cancellationToken);
            return TypedResults.Created(Location(info), info);
        }
        catch (DefinitionChangedException e)
        {
            return Changed(e);
        }
        catch (DefinitionExistsException e)
        {
            return Problems.Conflict(e.Message);
        }
        catch (DefinitionNotFoundException e)
        {
            return NoSuchState(e);
        }
        catch (WorkflowJsonException e)
        {
            return Problems.MalformedJson(e);
        }
        catch (WorkflowValidationException e)
        {
            return Problems.InvalidDefinition(e);
        }
    }

    public static async Task<Results<Ok<DefinitionVersionInfo>, ProblemHttpResult>> SaveDraft(
        string definitionId, HttpRequest request, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        try
        {
            var definition = WorkflowJson.Deserialize(await request.ReadTextAsync(cancellationToken));
            if (definition.DefinitionId != definitionId)
                return Problems.BadRequest("The definitionId does not match the route", "definitionId",
                    $"is '{definition.DefinitionId}' in the body but '{definitionId}' in the route");
            var info = await definitions.SaveDraftAsync(definition, Write(request), cancellationToken);
            await SetETagAsync(request.HttpContext, definitions, definitionId, cancellationToken);
            return TypedResults.Ok(info);
        }
        catch (DefinitionChangedException e)
        {
            return Changed(e);
        }
        catch (DefinitionNotFoundException e)
        {
            return NoSuchState(e);
        }
        catch (WorkflowJsonException e)
        {
            return Problems.MalformedJson(e);
        }
        catch (WorkflowValidationException e)
        {
            return Problems.InvalidDefinition(e);
        }
    }

    /// <summary>The workflow JSON of the latest version, or of <paramref name="version"/>.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetDefinition(
        string definitionId, int? version, HttpContext httpContext, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        var definition = await definitions.GetAsync(definitionId, version, cancellationToken);
        if (definition is null) return Problems.NotFound(NotFoundMessage(definitionId, version));
        await SetETagAsync(httpContext, definitions, definitionId, cancellationToken);
        return TypedResults.Text(WorkflowJson.Serialize(definition), Json, Encoding.UTF8);
    }

    public static async Task<Results<Ok<IReadOnlyList<DefinitionVersionInfo>>, ProblemHttpResult>> ListVersions(
        string definitionId, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var versions = await definitions.ListVersionsAsync(definitionId, cancellationToken);
        if (versions.Count == 0) return Problems.NotFound(NotFoundMessage(definitionId, null));
        return TypedResults.Ok(versions);
    }

    public static async Task<Results<Ok<DefinitionVersionInfo>, ProblemHttpResult>> Publish(
        string definitionId, HttpRequest request, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        try
        {
            var info = await definitions.PublishAsync(definitionId, Write(request), cancellationToken);
            await SetETagAsync(request.HttpContext, definitions, definitionId, cancellationToken);
            return TypedResults.Ok(info);
        }
        catch (DefinitionNotFoundException)
        {
            return Problems.NotFound(NotFoundMessage(definitionId, null));
        }
        catch (DefinitionChangedException e)
        {
            return Changed(e);
        }
    }

    public static async Task<Results<Ok<DefinitionVersionInfo>, ProblemHttpResult>> Retract(
        string definitionId, HttpRequest request, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        try
        {
            var info = await definitions.RetractAsync(definitionId, Write(request), cancellationToken);
            await SetETagAsync(request.HttpContext, definitions, definitionId, cancellationToken);
            return TypedResults.Ok(info);
        }
        catch (DefinitionNotFoundException)
        {
            return Problems.NotFound(NotFoundMessage(definitionId, null));
        }
        catch (DefinitionChangedException e)
        {
            return Changed(e);
        }
        catch (InvalidOperationException e)
        {
            // The service's answer when no version is published: nothing to retract.
            return Problems.Conflict(e.Message);
        }
    }

    /// <summary>The canonical workflow JSON as a file, named to drop into the workflows-json folder.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        string definitionId, int? version, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var json = await definitions.ExportAsync(definitionId, version, cancellationToken);
        if (json is null) return Problems.NotFound(NotFoundMessage(definitionId, version));
        return TypedResults.File(Encoding.UTF8.GetBytes(json), Json, $"{definitionId}.json");
    }

    /// <summary>Saves a workflow JSON file as the definition's draft, and publishes it with <c>?publish=true</c>.</summary>
    public static async Task<Results<Created<DefinitionVersionInfo>, ProblemHttpResult>> ImportDefinition(
        HttpRequest request, WorkflowDefinitionService definitions, CancellationToken cancellationToken, bool publish = false)
    {
        try
        {
            var info = await definitions.ImportAsync(await request.ReadTextAsync(cancellationToken), publish, cancellationToken);
            return TypedResults.Created(Location(info), info);
        }
        catch (WorkflowJsonException e)
        {
            return Problems.MalformedJson(e);
        }
        catch (WorkflowValidationException e)
        {
            return Problems.InvalidDefinition(e);
        }
    }

    /// <summary>Checks a definition without saving it: 200 with its problems, valid or not; 400 only when the JSON is malformed.</summary>
    public static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> ValidateDefinition(
        HttpRequest request, WorkflowCompiler compiler, CancellationToken cancellationToken)
    {
        try
        {
            var problems = compiler.Validate(WorkflowJson.Deserialize(await request.ReadTextAsync(cancellationToken)));
            return TypedResults.Ok(new ValidationResponse(problems.All(p => p.Severity != Severity.Error), problems));
        }
        catch (WorkflowJsonException e)
        {
            return Problems.MalformedJson(e);
        }
    }

    private static DefinitionWrite Write(HttpRequest request) => new(
        request.HttpContext.User.Identity?.Name,
        request.Headers.IfMatch is { Count: > 0 } ifMatch ? ifMatch.ToString() : null,
        MustBeNew: request.Headers.IfNoneMatch.ToString().Trim() == "*");

    private static async Task SetETagAsync(
        HttpContext httpContext, WorkflowDefinitionService definitions, string definitionId, CancellationToken cancellationToken)
    {
        if (await definitions.ETagAsync(definitionId, cancellationToken) is { } etag) httpContext.Response.Headers.ETag = etag;
    }

    private static ProblemHttpResult NoSuchState(DefinitionNotFoundException e) =>
        Problems.Conflict($"{e.Message}: If-Match names a state of a definition that does not exist");

    private static ProblemHttpResult Changed(DefinitionChangedException e) => TypedResults.Problem(
        e.Message + ". Reload it to see the changes, or save yours as a copy.",
        statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else",
        extensions: new Dictionary<string, object?>
        {
            ["currentETag"] = e.CurrentETag,
            ["changedAt"] = e.ChangedAt,
            ["changedBy"] = e.ChangedBy,
        });

    private static string Location(DefinitionVersionInfo info) => $"/api/workflow-definitions/{Uri.EscapeDataString(info.DefinitionId)}";

    private static string NotFoundMessage(string definitionId, int? version) => version is null
        ? $"There is no workflow definition '{definitionId}'."
        : $"There is no version {version} of workflow definition '{definitionId}'.";
}

internal sealed record ValidationResponse(bool Valid, IReadOnlyList<AfterSales.Workflows.Definitions.ValidationProblem> Problems);
