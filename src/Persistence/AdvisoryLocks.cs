using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AfterSales.Persistence;

/// <summary>
/// Session advisory locks on a connection the caller keeps open for as long as it needs the lock: the lock lives as
/// long as the session, so the server drops it when the connection ends (and Npgsql resets it when a pooled one is
/// returned).
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Waits until this session holds <paramref name="key"/>; disposing the answer releases it.</summary>
    public static async Task<IAsyncDisposable> LockAsync(this NpgsqlConnection connection, AdvisoryLockKey key,
        CancellationToken cancellationToken = default)
    {
        await using var take = Command(connection, "select pg_advisory_lock($1)", key);
        await take.ExecuteNonQueryAsync(cancellationToken);
        return new HeldLock(connection, key);
    }

    /// <summary>
    /// Takes <paramref name="key"/> if nobody holds it and answers whether this session now does. The caller gives it
    /// up by closing the connection.
    /// </summary>
    public static async Task<bool> TryLockAsync(this NpgsqlConnection connection, AdvisoryLockKey key,
        CancellationToken cancellationToken = default)
    {
        await using var take = Command(connection, "select pg_try_advisory_lock($1)", key);
        return await take.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// Waits until the open transaction of <paramref name="db"/> holds <paramref name="key"/>; the server releases it when
    /// the transaction ends, committed or not.
    /// </summary>
    public static async Task LockForTransactionAsync(this AfterSalesDbContext db, AdvisoryLockKey key,
        CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({(long)key})", cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> while holding <paramref name="key"/> on a connection of its own, so that Hosts
    /// doing the same (starting together on an empty database) take turns.
    /// </summary>
    public static async Task<T> WhileLockedAsync<T>(this NpgsqlDataSource database, AdvisoryLockKey key,
        Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (await connection.LockAsync(key, cancellationToken)) return await work(connection);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, AdvisoryLockKey key)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)key });
        return command;
    }

    private sealed class HeldLock(NpgsqlConnection connection, AdvisoryLockKey key) : IAsyncDisposable
    {
        // Not the caller's token: a cancelled start must still give the lock back before the connection is reused.
        public async ValueTask DisposeAsync()
        {
            await using var release = Command(connection, "select pg_advisory_unlock($1)", key);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
