using AfterSales.Persistence.Instances;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AfterSales.Persistence.Users;

/// <summary>What to list: every given criterion must match; <see cref="Text"/> is part of the name, display name or
/// email.</summary>
public sealed record UserFilter(string? Text = null, string? Role = null, bool? Disabled = null, int Page = 1,
    int PageSize = 50);

/// <summary>A user an admin creates; <see cref="PasswordHash"/> is the hash of the initial password.</summary>
public sealed record NewUser(string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles,
    string PasswordHash);

/// <summary>How a change that could take the last enabled admin away ended.</summary>
public enum AdminGuardedChange
{
    Done,
    NoSuchUser,

    /// <summary>Refused, nothing written: afterwards no enabled user would hold the admin role.</summary>
    WouldLeaveNoAdmin,
}

/// <summary>
/// The admins' side of the <c>users</c> table: list, create, set roles, reset a password, disable and enable. A change
/// that could leave no enabled admin (taking the role away, disabling) runs in a transaction under
/// <see cref="AdvisoryLockKey.UserAdministration"/> and is rolled back when it would, so two admins disabling each
/// other
/// at once leave one. Disabling and resetting a password raise the token generation: the user's tokens stop working at
/// the next request, on every Host.
/// </summary>
public sealed class UserAdministration(IDbContextFactory<AfterSalesDbContext> contexts)
{
    public const int MaxPageSize = 500;

    /// <summary>One page of users by user name.</summary>
    public async Task<Page<UserEntity>> ListAsync(UserFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (filter.Text is { Length: > 0 } text)
        {
            // Contains is translated to strpos, so % and _ in the text match themselves.
            var lower = text.ToLowerInvariant();
            query = query.Where(u => u.UserName.ToLower().Contains(lower) || u.DisplayName.ToLower().Contains(lower)
                || (u.Email != null && u.Email.ToLower().Contains(lower)));
        }
        if (filter.Role is { } role) query = query.Where(u => u.Roles.Contains(role));
        if (filter.Disabled is { } disabled) query = query.Where(u => (u.DisabledAt != null) == disabled);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderBy(u => u.UserName)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return new Page<UserEntity>(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>Answers false, writing nothing, when the user name is taken.</summary>
    public async Task<bool> CreateAsync(NewUser user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Users.Add(new UserEntity
        {
            UserName = user.UserName,
            DisplayName = user.DisplayName,
            Email = user.Email,
            PasswordHash = user.PasswordHash,
            Roles = [.. user.Roles],
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e)
            when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    /// <summary>Replaces the user's roles (they take effect at the user's next request: tokens carry no roles that
    /// count).</summary>
    public Task<AdminGuardedChange> SetRolesAsync(string userName, IReadOnlyList<string> roles, string adminRole,
        CancellationToken cancellationToken = default) =>
        GuardedAsync(adminRole, db => db.Users.Where(u => u.UserName == userName)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Roles, roles.ToArray()), cancellationToken),
                cancellationToken);

    /// <summary>Disables the user (a disabled one stays disabled since the first time) and revokes every token of
    /// it.</summary>
    public Task<AdminGuardedChange> DisableAsync(string userName, DateTimeOffset now, string adminRole,
        CancellationToken cancellationToken = default) =>
        GuardedAsync(adminRole, db => db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.DisabledAt, u => u.DisabledAt ?? now)
            .SetProperty(u => u.TokenGeneration, u => u.TokenGeneration + 1), cancellationToken), cancellationToken);

    /// <summary>Lets a disabled user sign in again (its old tokens stay revoked); answers false when there is no such
    /// user.</summary>
    public async Task<bool> EnableAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.UserName == userName)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, (DateTimeOffset?)null), cancellationToken) > 0;
    }

    /// <summary>
    /// Sets a new password chosen by an admin, revokes every token of the user and lifts a sign-in lock (a person who
    /// forgot the password has often locked the user too); answers false when there is no such user.
    /// </summary>
    public async Task<bool> ResetPasswordAsync(string userName, string passwordHash,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.PasswordHash, passwordHash)
            .SetProperty(u => u.TokenGeneration, u => u.TokenGeneration + 1)
            .SetProperty(u => u.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(u => u.FailedLogins, 0)
            .SetProperty(u => u.FailedLoginsSince, (DateTimeOffset?)null), cancellationToken) > 0;
    }

    private async Task<AdminGuardedChange> GuardedAsync(string adminRole, Func<AfterSalesDbContext, Task<int>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockForTransactionAsync(AdvisoryLockKey.UserAdministration, cancellationToken);
        if (await change(db) == 0) return AdminGuardedChange.NoSuchUser;
        if (!await db.Users.AnyAsync(u => u.DisabledAt == null && u.Roles.Contains(adminRole), cancellationToken))
            return AdminGuardedChange.WouldLeaveNoAdmin; // disposing the transaction rolls the change back
        await transaction.CommitAsync(cancellationToken);
        return AdminGuardedChange.Done;
    }
}
