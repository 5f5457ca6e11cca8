using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AfterSales.Persistence.Users;

/// <summary>
/// The <c>users</c> rows sign-in reads and start-up seeds. Looking a user up is on every authenticated request (the token
/// handler checks the user's token generation and password stamp), so it is one primary-key read without tracking.
/// </summary>
public sealed class UserAccounts(IDbContextFactory<AfterSalesDbContext> contexts, NpgsqlDataSource database)
{
    // One statement, so two Hosts counting failures of one user at once lose none. A failure outside the window starts a new
    // count; the failure that reaches the limit locks the user and starts the count afresh for after the lock.
    private const string FailedLoginSql = """
        update aftersales.users u set
            failed_logins = case when n.count >= $3 then 0 else n.count end,
            failed_logins_since = case when n.count >= $3 then null when n.fresh then $2 else u.failed_logins_since end,
            locked_until = case when n.count >= $3 then $2 + $5 else u.locked_until end
        from (
            select user_name, failed_logins_since is null or failed_logins_since <= $2 - $4 as fresh,
                case when failed_logins_since is null or failed_logins_since <= $2 - $4 then 1 else failed_logins + 1 end as count
            from aftersales.users where user_name = $1
        ) n
        where u.user_name = n.user_name
        returning u.locked_until
        """;

    public async Task<UserEntity?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task AddAsync(IEnumerable<UserEntity> users, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Users.AddRange(users);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets the user's address when it differs; answers false when there is no such user.</summary>
    public async Task<bool> SetEmailAsync(string userName, string email, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken)) return false;
        await db.Users.Where(u => u.UserName == userName && u.Email != email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email), cancellationToken);
        return true;
    }

    /// <summary>
    /// Counts a failed sign-in of an existing user: the <paramref name="limit"/>th failure within <paramref name="window"/>
    /// locks the user for <paramref name="lockout"/>. Answers until when the user is locked (possibly a time already past).
    /// </summary>
    public async Task<DateTimeOffset?> RecordFailedLoginAsync(
        string userName, DateTimeOffset now, int limit, TimeSpan window, TimeSpan lockout, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(FailedLoginSql);
        command.Parameters.Add(new NpgsqlParameter { Value = userName });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        command.Parameters.Add(new NpgsqlParameter { Value = lockout });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime lockedUntil ? new DateTimeOffset(lockedUntil.ToUniversalTime()) : null;
    }

    /// <summary>A successful sign-in forgets the failures before it.</summary>
    public async Task ResetFailedLoginsAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.UserName == userName && (u.FailedLogins != 0 || u.FailedLoginsSince != null))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedLogins, 0).SetProperty(u => u.FailedLoginsSince, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Lifts a lock and forgets the failures; answers false when there is no such user.</summary>
    public async Task<bool> UnlockAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(u => u.FailedLogins, 0)
            .SetProperty(u => u.FailedLoginsSince, (DateTimeOffset?)null), cancellationToken) > 0;
    }

    /// <summary>Refuses every token issued to the user so far (sign-out everywhere).</summary>
    public async Task RevokeTokensAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.UserName == userName)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TokenGeneration, u => u.TokenGeneration + 1), cancellationToken);
    }

    /// <summary>
    /// Replaces the password hash if it is still <paramref name="currentHash"/> (a concurrent change wins once) and refuses every
    /// token issued so far; answers whether it did.
    /// </summary>
    public async Task<bool> ChangePasswordAsync(string userName, string currentHash, string newHash, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.UserName == userName && u.PasswordHash == currentHash).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.PasswordHash, newHash)
            .SetProperty(u => u.TokenGeneration, u => u.TokenGeneration + 1), cancellationToken) > 0;
    }
}
