using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AfterSales.Host.Auth;

/// <summary>Answers a refused request with a 401 or 403 problem that says what is missing, instead of an empty body.</summary>
internal sealed class AuthorizationProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            await context.ChallengeAsync(); // 401 with WWW-Authenticate: Bearer, and why the token was refused
            await WriteAsync(context, "Not signed in", context.Request.Headers.Authorization.Count > 0 || context.Request.Cookies.ContainsKey(AuthEndpoints.CookieName)
                ? "The token is invalid or has expired: sign in again with POST /api/auth/login."
                : "Sign in with POST /api/auth/login and send the token it answers as 'Authorization: Bearer <token>'.");
        }
        else if (result.Forbidden)
        {
            await context.ForbidAsync();
            var roles = result.AuthorizationFailure?.FailedRequirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
            await WriteAsync(context, "Forbidden", roles is { Count: > 0 }
                ? $"This needs the role {string.Join(" or ", roles)}, which user '{context.User.Identity?.Name}' does not hold."
                : "You may not do this.");
        }
        else
        {
            await _default.HandleAsync(next, context, policy, result);
        }
    }

    private async Task WriteAsync(HttpContext context, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode, Title = title, Detail = detail },
        });
}
