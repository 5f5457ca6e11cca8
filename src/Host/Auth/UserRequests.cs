using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AfterSales.Persistence.Users;

namespace AfterSales.Host.Auth;

// The bodies as the OpenAPI document describes them; UserEndpoints reads them with FieldReader so refusals keep naming
// the field by its JSON path (roles[2]).

/// <summary><c>POST /api/users</c>.</summary>
internal sealed record NewUserRequest
{
    [MaxLength(UserEndpoints.MaxUserNameLength)]
    [Description("Lower-case letters, digits, '.', '_' and '-', starting with a letter or a digit; never changes.")]
    public required string UserName { get; init; }

    [MaxLength(UserEndpoints.MaxDisplayNameLength)] public required string DisplayName { get; init; }
    public string? Email { get; init; }

    [Description("At least one role name of GET /api/roles, each once.")]
    public required IReadOnlyList<string> Roles { get; init; }

    [MaxLength(PasswordHasher.MaximumPasswordLength)]
    [Description("The initial password, at least 8 characters: tell it to the person, who changes it.")]
    public required string Password { get; init; }
}

/// <summary><c>PUT /api/users/{userName}/roles</c>: the user's roles from now on.</summary>
internal sealed record UserRolesRequest
{
    [Description("At least one role name of GET /api/roles, each once.")]
    public required IReadOnlyList<string> Roles { get; init; }
}

/// <summary><c>POST /api/users/{userName}/password</c>: an admin's reset.</summary>
internal sealed record PasswordResetRequest
{
    [MaxLength(PasswordHasher.MaximumPasswordLength)] public required string Password { get; init; }
}

/// <summary>A user as admins see it. <see cref="LockedUntil"/> is set only while sign-in is locked.</summary>
internal sealed record UserView(string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles,
    bool Disabled,
    DateTimeOffset? DisabledAt, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt)
{
    public static UserView From(UserEntity user, DateTimeOffset now) => new(user.UserName, user.DisplayName, user.Email,
        user.Roles, user.DisabledAt is not null, user.DisabledAt, user.LockedUntil > now ? user.LockedUntil : null,
            user.CreatedAt);
}

/// <summary>A role with its names in Chinese (<c>zh</c>) and English (<c>en</c>).</summary>
internal sealed record RoleView(string Name, string Zh, string En);
