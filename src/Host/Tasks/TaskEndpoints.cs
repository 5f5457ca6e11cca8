using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Host.Cases;
using AfterSales.Host.Http;
using AfterSales.Host.Instances;
using AfterSales.Persistence.Instances;
using AfterSales.Persistence.Tasks;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Tasks;

/// <summary>Inboxes: list and look at human tasks, claim one, complete it (which resumes its workflow).</summary>
internal static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");
        group.MapGet("/", ListTasks).ProducesValidationProblem();
        group.MapGet("/{taskId}", GetTask).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{taskId}/claim", ClaimTask).Accepts<ClaimTaskRequest>("application/json").WithTaskProblems();
        group.MapPost("/{taskId}/release", ReleaseTask).WithTaskProblems();
        group.MapPost("/{taskId}/complete", CompleteTask).Accepts<CompleteTaskRequest>("application/json").WithTaskProblems();
    }

    /// <summary>
    /// Tasks, due first first. <c>mine=true</c>: the caller's inbox (tasks of the caller's roles not assigned to
    /// someone else, and those assigned to or claimed by the caller; open and claimed ones unless <c>status</c> says
    /// otherwise); <c>kind</c>: the kind of the task's case.
    /// </summary>
    public static async Task<Results<Ok<Page<TaskView>>, ProblemHttpResult>> ListTasks(
        TaskQueries tasks, ClaimsPrincipal principal, PersonalData personalData, CancellationToken cancellationToken,
        string? role = null, string? status = null, string? caseId = null, string? assignee = null, string? kind = null,
        bool mine = false, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !TaskStatuses.All.Contains(status)) errors["status"] = [$"'{status}' is not one of: {string.Join(", ", TaskStatuses.All)}"];
        if (kind is not null && !CaseKinds.All.Contains(kind))
            errors["kind"] = [$"'{kind}' is not one of: {string.Join(", ", CaseKinds.All)}"];
        Paging.Check(errors, page, pageSize, TaskQueries.MaxPageSize);
        if (errors.Count > 0) return Problems.BadRequest("The query is invalid", errors);
        var filter = new TaskFilter(role, status, caseId, assignee, page, pageSize)
        {
            Kind = kind,
            Mine = mine ? new TaskInbox(principal.Identity?.Name ?? "", principal.Roles()) : null,
        };
        var found = await tasks.ListAsync(filter, cancellationToken);
        // A form filled in on one of the case's tasks may repeat the customer's phone or email.
        return TypedResults.Ok(found with { Items = await personalData.FilterAsync(principal, found.Items, t => t.CaseId, cancellationToken) });
    }

    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> GetTask(
        string taskId, TaskQueries tasks, ClaimsPrincipal principal, PersonalData personalData, CancellationToken cancellationToken) =>
        await tasks.GetAsync(taskId, cancellationToken) is { } task
            ? TypedResults.Ok(await personalData.FilterAsync(principal, task, cancellationToken))
            : Problems.NotFound($"There is no task '{taskId}'.");

    /// <summary>Takes an open task for the acting user, so colleagues see it is being dealt with. Body (optional): <c>{user}</c>.</summary>
    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> ClaimTask(
        string taskId, HttpRequest request, ClaimsPrincipal principal, TaskQueries tasks, CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var f = new FieldReader();
        var requested = f.Text(f.Object(body, "$", required: false), "user", "user", required: false, maxLength: 100);
        if (!f.IsValid) return Problems.BadRequest("The claim is invalid", f.Errors);

        var task = await tasks.GetAsync(taskId, cancellationToken);
        if (task is null) return Problems.NotFound($"There is no task '{taskId}'.");
        var user = principal.ActingUser(requested);
        if (user is null) return Problems.BadRequest("The claim is invalid", "user", "is required: who claims the task");
        if (!principal.MayWorkOn(task, user)) return NotYours(task, user);
        if (!await tasks.ClaimAsync(taskId, user, cancellationToken))
        {
            var now = await tasks.GetAsync(taskId, cancellationToken);
            return Problems.Conflict(now?.Status == TaskStatuses.Claimed
                ? $"Task '{taskId}' is claimed by {now.ClaimedBy}."
                : $"Task '{taskId}' is {now?.Status ?? "gone"}: it can no longer be claimed.");
        }
        return TypedResults.Ok((await tasks.GetAsync(taskId, cancellationToken))!);
    }

    /// <summary>
    /// Gives a claimed task back to its role's inbox: by its claimer, or by an <c>aftersales_manager</c> or
    /// <c>admin</c> (a colleague away with a task claimed). 409 when the task is not claimed (open, completed,
    /// cancelled).
    /// </summary>
    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> ReleaseTask(
        string taskId, ClaimsPrincipal principal, TaskQueries tasks, PersonalData personalData,
        CancellationToken cancellationToken)
    {
        var task = await tasks.GetAsync(taskId, cancellationToken);
        if (task is null) return Problems.NotFound($"There is no task '{taskId}'.");
        if (task is not { Status: TaskStatuses.Claimed, ClaimedBy: { } claimer })
            return Problems.Conflict($"Task '{taskId}' is {task.Status}: only a claimed task can be released.");
        if (claimer != principal.Identity?.Name && !TaskActor.MayReleaseOthers(principal))
            return Problems.Forbidden($"Task '{taskId}' is claimed by {claimer}: only they, an aftersales_manager "
                + "or an admin may release it.");
        if (!await tasks.ReleaseAsync(taskId, claimer, cancellationToken))
            return Problems.Conflict($"Task '{taskId}' changed meanwhile: it is no longer claimed by {claimer}.");
        var released = (await tasks.GetAsync(taskId, cancellationToken))!;
        return TypedResults.Ok(await personalData.FilterAsync(principal, released, cancellationToken));
    }

    /// <summary>
    /// Completes the task with <c>{outcome, form, user}</c> by resuming its bookmark: the workflow moves on and the
    /// task row is completed in the same transaction. The HumanTask activity checks the completion (the outcome is one the
    /// task offers, the form valid for the task's form with errors keyed <c>form.&lt;path&gt;</c>, a reason where the
    /// outcome needs one); here only who may complete it. Nothing changes on a refusal.
    /// </summary>
    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> CompleteTask(
        string taskId, HttpRequest request, ClaimsPrincipal principal, TaskQueries tasks, WorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var f = new FieldReader();
        var root = f.Object(body, "$", required: true);
        var outcome = f.Text(root, "outcome", "outcome", required: true);
        var requested = f.Text(root, "user", "user", required: false, maxLength: 100);
        var form = root?["form"];
        if (!f.IsValid) return Problems.BadRequest("The completion is invalid", f.Errors);

        var task = await tasks.GetAsync(taskId, cancellationToken);
        if (task is null) return Problems.NotFound($"There is no task '{taskId}'.");
        if (task.Status is TaskStatuses.Completed or TaskStatuses.Cancelled)
            return Problems.Conflict($"Task '{taskId}' is {task.Status} already.");
        var user = principal.ActingUser(requested);
        if (user is null) return Problems.BadRequest("The completion is invalid", "user", "is required: who completes the task");
        if (!principal.MayWorkOn(task, user)) return NotYours(task, user);
        if (task is { Status: TaskStatuses.Claimed } && task.ClaimedBy != user)
            return Problems.Conflict($"Task '{taskId}' is claimed by {task.ClaimedBy}.");
        // The outcome, the form and the reason are checked by the HumanTask activity on resume (TaskCompletionCheck),
        // whichever route resumes the task: a refusal comes back as Rejected, naming every field, and changes nothing.
        var payload = new JsonObject { ["outcome"] = outcome, ["form"] = form?.DeepClone(), ["user"] = user };
        var resumed = await runtime.ResumeAsync(task.InstanceId, taskId, payload, cancellationToken);
        if (resumed.Outcome == RunOutcome.BookmarkNotFound) return Problems.Conflict($"Task '{taskId}' was completed already.");
        if (!resumed.Succeeded) return resumed.ToProblem(resumed.Field is { } field && IsFormField(field)
            ? "The form is invalid"
            : "The completion is invalid");
        return TypedResults.Ok((await tasks.GetAsync(taskId, cancellationToken))!);
    }

    private static bool IsFormField(string field) =>
        field == "form" || field.StartsWith("form.", StringComparison.Ordinal);

    private static ProblemHttpResult NotYours(TaskView task, string user) =>
        Problems.Forbidden(task.Assignee is { } assignee && assignee != user
            ? $"Task '{task.Id}' is assigned to {assignee}."
            : $"Task '{task.Id}' is for the role {task.Role}, which user '{user}' does not hold.");

    private static RouteHandlerBuilder WithTaskProblems(this RouteHandlerBuilder route) => route
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
