using System.Security.Claims;
using AfterSales.Host.Http;
using AfterSales.Persistence.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Auth;

/// <summary>
/// Signing in and out. Login answers a bearer token for API clients and puts the same token in an HttpOnly, SameSite=Strict
/// cookie for the browser; either one authenticates the calls that follow.
/// </summary>
internal static class AuthEndpoints
{
    public const string CookieName = "aftersales_token";
    private const string WrongCredentials = "The user name or password is wrong.";

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");
        group.MapPost("/login", Login).AllowAnonymous().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        // Anonymous too: a browser whose token has expired must still be able to drop the cookie.
        group.MapPost("/logout", Logout).AllowAnonymous();
        group.MapGet("/me", Me).ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request, UserAccounts users, AccessTokens tokens, HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["is required"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["is required"];
        if (errors.Count > 0) return Problems.BadRequest("The login is incomplete", errors);

        var user = await users.FindAsync(request.UserName!.Trim(), cancellationToken);
        var valid = user is null ? PasswordHasher.VerifyNoUser(request.Password!) : PasswordHasher.Verify(request.Password!, user.PasswordHash);
        if (!valid)
        {
            loggers.CreateLogger(typeof(AuthEndpoints)).LogWarning("Failed login as {UserName} from {Address}", request.UserName, context.Connection.RemoteIpAddress);
            return Problems.Unauthorized(WrongCredentials);
        }

        var (token, expiresAt) = tokens.Issue(user!);
        context.Response.Cookies.Append(CookieName, token, Cookie(context.Request, expiresAt));
        return TypedResults.Ok(new LoginResponse(token, expiresAt, UserResponse.From(user!)));
    }

    public static NoContent Logout(HttpContext context)
    {
        context.Response.Cookies.Delete(CookieName, Cookie(context.Request, expiresAt: null));
        return TypedResults.NoContent();
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

internal sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, UserResponse User);

internal sealed record UserResponse(string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles)
{
    public static UserResponse From(UserEntity user) => new(user.UserName, user.DisplayName, user.Email, user.Roles);
}
