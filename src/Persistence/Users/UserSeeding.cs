using Npgsql;

namespace AfterSales.Persistence.Users;

/// <summary>The first start's users, written once however many Hosts start together on an empty database.</summary>
public sealed class UserSeeding(NpgsqlDataSource database, UserAccounts users)
{
    /// <summary>
    /// When there are no users yet, adds those <paramref name="create"/> makes and answers them; otherwise answers
    /// none without calling it. Hosts take turns (<see cref="AdvisoryLockKey.UserSeed"/>): the second finds the first's
    /// users.
    /// </summary>
    public Task<IReadOnlyList<UserEntity>> SeedIfEmptyAsync(Func<Task<IReadOnlyList<UserEntity>>> create,
        CancellationToken cancellationToken = default) =>
        database.WhileLockedAsync(AdvisoryLockKey.UserSeed, async _ =>
        {
            if (await users.AnyAsync(cancellationToken)) return (IReadOnlyList<UserEntity>)[];
            var seeded = await create();
            await users.AddAsync(seeded, cancellationToken);
            return seeded;
        }, cancellationToken);
}
