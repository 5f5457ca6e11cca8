using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AfterSales.Host.Http;
using AfterSales.Persistence.Instances;
using AfterSales.Persistence.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Auth;

/// <summary>
/// Administering users (admins only): list, look at, create, set roles, reset a password, disable, enable, lift a
/// sign-in lock. Two rules keep the install administrable: an admin cannot disable themself, and no change may leave
/// no enabled admin (<see cref="UserAdministration"/> checks it under a lock). The roles list is for every signed-in
/// user.
/// </summary>
internal static partial class UserEndpoints
{
    public const int MaxUserNameLength = 64;
    public const int MaxDisplayNameLength = 100;

    private static readonly IReadOnlyList<string> RoleNames = [.. Roles.Described.Select(r => r.Name)];

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/roles", ListRoles).WithTags("Users");

        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListUsers).ProducesValidationProblem();
        group.MapGet("/{userName}", GetUser).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateUser).Accepts<NewUserRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{userName}/roles", SetRoles).Accepts<UserRolesRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{userName}/password", ResetPassword).Accepts<PasswordResetRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{userName}/disable", Disable)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{userName}/enable", Enable).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{userName}/unlock", Unlock).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Every role with its Chinese and English name, for role pickers and labels.</summary>
    public static Ok<RoleView[]> ListRoles() => TypedResults.Ok(Roles.Described.Select(r => new RoleView(r.Name, r.Zh,
        r.En)).ToArray());

    /// <summary>Users by user name; <paramref name="text"/> is part of the user name, display name or email (any
    /// case).</summary>
    public static async Task<Results<Ok<Page<UserView>>, ProblemHttpResult>> ListUsers(UserAdministration users,
        TimeProvider time, CancellationToken cancellationToken, string? text = null, string? role = null,
            bool? disabled = null,
        int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (role is not null && !Roles.IsKnown(role))
            errors["role"] = [$"'{role}' is not one of: {string.Join(", ", RoleNames)}"];
        Paging.Check(errors, page, pageSize, UserAdministration.MaxPageSize);
        if (errors.Count > 0) return Problems.BadRequest("The query is invalid", errors);

        var found = await users.ListAsync(new UserFilter(text?.Trim(), role, disabled, page, pageSize),
            cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new Page<UserView>([.. found.Items.Select(u => UserView.From(u, now))],
            found.PageNumber, found.PageSize, found.Total));
    }

    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetUser(string userName, UserAccounts users,
        TimeProvider time, CancellationToken cancellationToken) =>
        await users.FindAsync(userName, cancellationToken) is { } user
            ? TypedResults.Ok(UserView.From(user, time.GetUtcNow()))
            : NoSuchUser(userName);

    /// <summary><c>{userName, displayName, email, roles: [...], password}</c>; 409 when the user name is
    /// taken.</summary>
    public static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateUser(HttpRequest request,
        UserAdministration administration, UserAccounts users, TimeProvider time, ILogger<UserAdministration> logger,
        ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var f = new FieldReader();
        var root = f.Object(body, "$", required: true);
        var userName = f.Text(root, "userName", "userName", required: true, MaxUserNameLength);
        if (userName is not null && !UserNamePattern().IsMatch(userName))
            f.Fail("userName",
                "may hold lower-case letters, digits, '.', '_' and '-', starting with a letter or a digit");
        var displayName = f.Text(root, "displayName", "displayName", required: true, MaxDisplayNameLength);
        var email = f.Email(root, "email", "email");
        var roles = f.SetOf(root, "roles", "roles", RoleNames, required: true);
        var password = NewPassword(f, root, "password");
        if (!f.IsValid) return Problems.BadRequest("The user is invalid", f.Errors);

        var now = time.GetUtcNow();
        var user = new NewUser(userName!, displayName!, email, roles!, PasswordHasher.Hash(password!));
        if (!await administration.CreateAsync(user, now, cancellationToken))
            return Problems.Conflict($"There is a user '{userName}' already: choose another user name.");
        logger.LogInformation("User {UserName} created by {Admin} with roles {Roles}", userName,
            principal.Identity?.Name,
            string.Join(",", roles!));
        var created = await users.FindAsync(userName!, cancellationToken);
        return created is null
            ? NoSuchUser(userName!) // deleted meanwhile, by hand
            : TypedResults.Created($"/api/users/{userName}", UserView.From(created, now));
    }

    /// <summary>
    /// <c>{roles: [...]}</c>: the user's roles from now on, in force at the user's next request. 409 when it would
    /// leave no
    /// enabled admin.
    /// </summary>
    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetRoles(string userName, HttpRequest request,
        UserAdministration administration, UserAccounts users, TimeProvider time, ILogger<UserAdministration> logger,
        ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var f = new FieldReader();
        var roles = f.SetOf(f.Object(body, "$", required: true), "roles", "roles", RoleNames, required: true);
        if (!f.IsValid) return Problems.BadRequest("The roles are invalid", f.Errors);

        switch (await administration.SetRolesAsync(userName, roles!, Roles.Admin, cancellationToken))
        {
            case AdminGuardedChange.NoSuchUser:
                return NoSuchUser(userName);
            case AdminGuardedChange.WouldLeaveNoAdmin:
                return Problems.Conflict($"'{userName}' is the last enabled admin: make another user admin first.");
        }
        logger.LogInformation("Roles of {UserName} set to {Roles} by {Admin}", userName, string.Join(",", roles!),
            principal.Identity?.Name);
        return await AnswerAsync(userName, users, time, cancellationToken);
    }

    /// <summary>
    /// <c>{password}</c>: a new password an admin tells the person. Every token of the user is revoked (its sessions
    /// end)
    /// and a sign-in lock lifted.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPassword(string userName, HttpRequest request,
        UserAdministration administration, ILogger<UserAdministration> logger, ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var f = new FieldReader();
        var password = NewPassword(f, f.Object(body, "$", required: true), "password");
        if (!f.IsValid) return Problems.BadRequest("The password is invalid", f.Errors);

        if (!await administration.ResetPasswordAsync(userName, PasswordHasher.Hash(password!), cancellationToken))
            return NoSuchUser(userName);
        logger.LogInformation("Password of {UserName} reset by {Admin}", userName, principal.Identity?.Name);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The user can no longer sign in, and every token and cookie it holds is refused from its next request on, on
    /// every
    /// Host. An admin cannot disable themself, nor the last enabled admin (409).
    /// </summary>
    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> Disable(string userName,
        UserAdministration administration, UserAccounts users, TimeProvider time, ILogger<UserAdministration> logger,
        ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.Name == userName)
            return Problems.Conflict("You cannot disable yourself: ask another admin.");
        switch (await administration.DisableAsync(userName, time.GetUtcNow(), Roles.Admin, cancellationToken))
        {
            case AdminGuardedChange.NoSuchUser:
                return NoSuchUser(userName);
            case AdminGuardedChange.WouldLeaveNoAdmin:
                return Problems.Conflict($"'{userName}' is the last enabled admin: make another user admin first.");
        }
        logger.LogInformation("User {UserName} disabled by {Admin}", userName, principal.Identity?.Name);
        return await AnswerAsync(userName, users, time, cancellationToken);
    }

    /// <summary>Lets a disabled user sign in again; the tokens it held before stay refused.</summary>
    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> Enable(string userName,
        UserAdministration administration, UserAccounts users, TimeProvider time, ILogger<UserAdministration> logger,
        ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!await administration.EnableAsync(userName, cancellationToken)) return NoSuchUser(userName);
        logger.LogInformation("User {UserName} enabled by {Admin}", userName, principal.Identity?.Name);
        return await AnswerAsync(userName, users, time, cancellationToken);
    }

    /// <summary>Lets a locked user sign in again at once, and forgets the failures counted so far.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Unlock(
        string userName, UserAccounts users, ILogger<UserAccounts> logger, HttpContext context,
            CancellationToken cancellationToken)
    {
        if (!await users.UnlockAsync(userName, cancellationToken)) return NoSuchUser(userName);
        logger.LogInformation("User {UserName} unlocked by {Admin}", userName, context.User.Identity?.Name);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> AnswerAsync(string userName, UserAccounts users,
        TimeProvider time, CancellationToken cancellationToken) =>
        await users.FindAsync(userName, cancellationToken) is { } user
            ? TypedResults.Ok(UserView.From(user, time.GetUtcNow()))
            : NoSuchUser(userName);

    private static ProblemHttpResult NoSuchUser(string userName) =>
        Problems.NotFound($"There is no user '{userName}'.");

    /// <summary>A new password as typed (not trimmed: spaces count), checked against the password rule.</summary>
    private static string? NewPassword(FieldReader f, JsonObject? root, string name)
    {
        var node = root?[name];
        string? password = null;
        if (node is not null && (node is not JsonValue v || !v.TryGetValue(out password)))
        {
            f.Fail(name, "must be text");
            return null;
        }
        if (PasswordHasher.RuleBroken(password) is { } broken) f.Fail(name, broken);
        return password;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex UserNamePattern();
}
