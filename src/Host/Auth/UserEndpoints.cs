using AfterSales.Host.Http;
using AfterSales.Persistence.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Auth;

/// <summary>Administering users: lifting a sign-in lock (admins only).</summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapPost("/{userName}/unlock", Unlock).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Lets a locked user sign in again at once, and forgets the failures counted so far.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Unlock(
        string userName, UserAccounts users, ILogger<UserAccounts> logger, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await users.UnlockAsync(userName, cancellationToken)) return Problems.NotFound($"There is no user '{userName}'.");
        logger.LogInformation("User {UserName} unlocked by {Admin}", userName, context.User.Identity?.Name);
        return TypedResults.NoContent();
    }
}
