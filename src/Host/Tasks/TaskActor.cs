using System.Security.Claims;
using AfterSales.Persistence.Tasks;

namespace AfterSales.Host.Tasks;

/// <summary>
/// Who acts on a task, and whether they may: the one place the tasks API asks. Every endpoint requires a signed-in user
/// (the Auth fallback policy), so the user is the principal's name; the request's <c>user</c> field counts only for an
/// anonymous caller, which only an endpoint opened with <c>AllowAnonymous()</c> could have.
/// </summary>
internal static class TaskActor
{
    public static string? ActingUser(this ClaimsPrincipal principal, string? requested) =>
        principal.Identity is { IsAuthenticated: true, Name: { } name } ? name : requested;

    /// <summary>
    /// A task is claimed or completed only by a user holding its role (roles do not imply each other, see
    /// <c>Auth.Policies</c>); a task assigned to a user is for that user alone.
    /// </summary>
    public static bool MayWorkOn(this ClaimsPrincipal principal, TaskView task, string? user)
    {
        if (principal.Identity is not { IsAuthenticated: true }) return false;
        if (task.Role is { } role && !principal.IsInRole(role)) return false;
        return task.Assignee is null || task.Assignee == user;
    }

    /// <summary>Supervisors who may give back a task someone else claimed.</summary>
    public static bool MayReleaseOthers(ClaimsPrincipal principal) =>
        principal.IsInRole("aftersales_manager") || principal.IsInRole(Auth.Roles.Admin);

    /// <summary>Every role the signed-in user holds.</summary>
    public static IReadOnlyList<string> Roles(this ClaimsPrincipal principal) =>
        principal.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct().ToList();
}
