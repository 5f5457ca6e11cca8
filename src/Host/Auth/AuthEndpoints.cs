using System.Security.Claims;
using AfterSales.Host.Http;
using AfterSales.Persistence.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Auth;

/// <summary>
/// Signing in and out. Login answers a bearer token for API clients and puts the same token in an HttpOnly, SameSite=Strict
/// cookie for the browser; either one authenticates the calls that follow. Logging out and changing the password revoke every
/// token of the user (<see cref="UserAccounts.RevokeTokensAsync"/>); a password change answers the caller a fresh one.
/// Repeated failures lock the user (<see cref="LoginGuard"/>). A disabled user signs in no more than an unknown one.
/// </summary>
internal static class AuthEndpoints
{
    public const string CookieName = "aftersales_token";
    private const string WrongCredentials = "The user name or password is wrong.";

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(LoginGuard.AddressPolicy)
            .WithMetadata(new CrossSiteRequests.NotCookieAuthenticated())
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        // Anonymous too: a browser whose token has expired must still be able to drop the cookie.
        group.MapPost("/logout", Logout).AllowAnonymous();
        group.MapGet("/me", Me).ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/password", ChangePassword).RequireRateLimiting(LoginGuard.AddressPolicy)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request, UserAccounts users, AccessTokens tokens, LoginGuard guard, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["is required"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["is required"];
        if (errors.Count > 0) return Problems.BadRequest("The login is incomplete", errors);

        var user = await users.FindAsync(request.UserName!.Trim(), cancellationToken);
        // Told no more than for an unknown user, so the password of a disabled user cannot be probed.
        if (user?.DisabledAt is not null) user = null;
        if (guard.Locked(user, context) is { } locked) return locked;
        var valid = user is null ? PasswordHasher.VerifyNoUser(request.Password!) : PasswordHasher.Verify(request.Password!, user.PasswordHash);
        if (!valid) return await guard.FailedAsync(request.UserName, user, context, cancellationToken) ?? Problems.Unauthorized(WrongCredentials);

        await guard.SucceededAsync(user!, cancellationToken);
        var (token, expiresAt) = tokens.Issue(user!);
        context.Response.Cookies.Append(CookieName, token, Cookie(context.Request, expiresAt));
        return TypedResults.Ok(new LoginResponse(token, expiresAt, UserResponse.From(user!)));
    }

    /// <summary>Drops the cookie and, when the request carries a valid token, revokes every token of its user on every Host.</summary>
    public static async Task<NoContent> Logout(HttpContext context, UserAccounts users, CancellationToken cancellationToken)
    {
        if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
            await users.RevokeTokensAsync(name, cancellationToken);
        context.Response.Cookies.Delete(CookieName, Cookie(context.Request, expiresAt: null));
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The signed-in user's new password, given the current one (a stolen token alone cannot change it). Every token of the
    /// user issued so far is revoked, which ends the user's other sessions; the caller stays signed in with the fresh token
    /// and cookie the answer carries, as after a sign-in. A wrong current password counts as a failed sign-in.
    /// </summary>
    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> ChangePassword(
        PasswordChangeRequest request, ClaimsPrincipal principal, UserAccounts users, AccessTokens tokens, LoginGuard guard,
        HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword)) errors["currentPassword"] = ["is required"];
        if (PasswordHasher.RuleBroken(request.NewPassword) is { } broken) errors["newPassword"] = [broken];
        if (errors.Count > 0) return Problems.BadRequest("The password change is incomplete", errors);

        var user = principal.Identity?.Name is { } name ? await users.FindAsync(name, cancellationToken) : null;
        if (user is null) return Problems.Unauthorized("The signed-in user no longer exists.");
        if (guard.Locked(user, context) is { } locked) return locked;
        if (!PasswordHasher.Verify(request.CurrentPassword!, user.PasswordHash))
            return await guard.FailedAsync(user.UserName, user, context, cancellationToken)
                ?? Problems.BadRequest("The current password is wrong", "currentPassword", "is wrong");

        var newHash = PasswordHasher.Hash(request.NewPassword!);
        if (!await users.ChangePasswordAsync(user.UserName, user.PasswordHash, newHash, cancellationToken))
            return Problems.Unauthorized("The password was changed meanwhile: sign in again.");
        // Issued for the row as changed (new generation, new password stamp); a change made since refuses this token too.
        var changed = await users.FindAsync(user.UserName, cancellationToken);
        if (changed is null || changed.PasswordHash != newHash || changed.DisabledAt is not null)
            return Problems.Unauthorized("The user was changed meanwhile: sign in again.");
        var (token, expiresAt) = tokens.Issue(changed);
        context.Response.Cookies.Append(CookieName, token, Cookie(context.Request, expiresAt));
        return TypedResults.Ok(new LoginResponse(token, expiresAt, UserResponse.From(changed)));
    }

    /// <summary>The signed-in user as stored now.</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Me(ClaimsPrincipal principal, UserAccounts users, CancellationToken cancellationToken)
    {
        var user = principal.Identity?.Name is { } name ? await users.FindAsync(name, cancellationToken) : null;
        return user is null ? Problems.Unauthorized("The signed-in user no longer exists.") : TypedResults.Ok(UserResponse.From(user));
    }

    // Secure only over HTTPS, or a browser on plain http://host:5080 would never send it back.
    private static CookieOptions Cookie(HttpRequest request, DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        Expires = expiresAt,
        IsEssential = true,
    };
}

internal sealed record LoginRequest(string? UserName, string? Password);

internal sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

internal sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, UserResponse User);

internal sealed record UserResponse(string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles)
{
    public static UserResponse From(UserEntity user) => new(user.UserName, user.DisplayName, user.Email, user.Roles);
}
