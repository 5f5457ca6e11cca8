using System.Net;
using AfterSales.Host.Auth;
using Hangfire.Dashboard;

namespace AfterSales.Host.Jobs;

/// <summary>
/// Who may open the Hangfire dashboard at <c>/hangfire</c>: a signed-in user in role <c>admin</c>, from anywhere; and,
/// while <see cref="JobsOptions.DashboardAllowsLocalRequests"/> is on, anyone on this machine (an operator on the server).
/// A request that came through a proxy (it carries <c>X-Forwarded-For</c> or <c>Forwarded</c>) is not local, wherever the
/// proxy runs. The dashboard endpoint itself allows anonymous callers, so this filter is the one gate.
/// </summary>
internal sealed class DashboardAuthorizationFilter(bool allowLocalRequests) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => Authorize(context.GetHttpContext());

    public bool Authorize(HttpContext http) =>
        http.User.IsInRole(Roles.Admin) || allowLocalRequests && IsLocal(http);

    private static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote
        && (IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress))
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
}
