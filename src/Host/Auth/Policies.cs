using Microsoft.AspNetCore.Authorization;

namespace AfterSales.Host.Auth;

/// <summary>
/// Who may do what, beyond the fallback rule that every endpoint needs a signed-in user unless it says
/// <c>AllowAnonymous()</c>. Roles do not imply each other: an admin holds <c>admin</c> only.
/// </summary>
internal static class Policies
{
    /// <summary>Changing workflow definitions (save, import, publish, retract): <c>process_owner</c>.</summary>
    public const string ProcessOwner = "process_owner";

    /// <summary>
    /// Starting, reading and moving instances by hand (start, list, details, retry, cancel, signals, resuming any bookmark):
    /// <c>admin</c>, who runs the install, or <c>process_owner</c>, who owns the workflows and repairs their faults. Nobody
    /// else: a generic resume would let anyone complete a task of any role, a start runs a workflow (and its mails) with the
    /// caller's input, and an instance's variables hold case data. Cases start their workflow through the cases API.
    /// </summary>
    public const string InstanceOperator = "instance_operator";

    /// <summary>Changing the customer and installed-product register: <c>aftersales</c> or <c>admin</c>.</summary>
    public const string AfterSalesEditor = "aftersales_editor";

    /// <summary>Administering users (lifting a sign-in lock): <c>admin</c>.</summary>
    public const string Admin = "admin";

    public static void Add(AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(ProcessOwner, p => p.RequireRole(Roles.ProcessOwner))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(InstanceOperator, p => p.RequireRole(Roles.Admin, Roles.ProcessOwner))
        .AddPolicy(AfterSalesEditor, p => p.RequireRole("aftersales", Roles.Admin));
}
