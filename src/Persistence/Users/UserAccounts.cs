using Microsoft.EntityFrameworkCore;

namespace AfterSales.Persistence.Users;

/// <summary>
/// The <c>users</c> rows sign-in reads and start-up seeds. Looking a user up is on every authenticated request (the
/// token's key comes from the row), so it is one primary-key read without tracking.
/// </summary>
public sealed class UserAccounts(IDbContextFactory<AfterSalesDbContext> contexts)
{
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
}
