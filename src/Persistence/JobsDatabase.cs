using Npgsql;

namespace AfterSales.Persistence;

/// <summary>
/// The connections of the background jobs, apart from the application's pool and named in <c>pg_stat_activity</c>.
/// </summary>
public sealed class JobsDatabase(string connectionString, int poolSize) : IAsyncDisposable
{
    /// <summary>
    /// Hangfire's pool, which the pumps and jobs share. Connections are not reset when they go back to it: neither
    /// Hangfire.PostgreSql nor this code leaves session state behind (no prepared statements, SET, LISTEN, temporary
    /// tables or advisory locks), and the reset (DISCARD ALL) would be one more statement per use, most of what an idle
    /// Host sends otherwise.
    /// Sized by <c>Database:JobsPoolSize</c>.
    /// </summary>
    public NpgsqlDataSource Pool { get; } = Build(connectionString, "AfterSales jobs", poolSize);

    /// <summary>
    /// Unpooled, for the connections that hold session advisory locks: such a lock lives as long as its session, and
    /// closing a pooled connection would keep the session (and the lock) open in the pool.
    /// </summary>
    public NpgsqlDataSource Dedicated { get; } = Build(connectionString, "AfterSales jobs (locks)", poolSize: null);

    /// <summary>
    /// Runs <paramref name="install"/> (Hangfire's schema installer) on a connection of its own while holding
    /// <see cref="AdvisoryLockKey.HangfireSchema"/>, so that Hosts starting together take turns: its scripts are not
    /// safe to run concurrently.
    /// </summary>
    public Task InstallJobsSchemaAsync(Action<NpgsqlConnection> install,
        CancellationToken cancellationToken = default) =>
        Dedicated.WhileLockedAsync(AdvisoryLockKey.HangfireSchema, connection =>
        {
            install(connection);
            return Task.FromResult(true);
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        await Dedicated.DisposeAsync();
    }

    private static NpgsqlDataSource Build(string connectionString, string applicationName, int? poolSize)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var pooled = poolSize is not null;
        builder.ConnectionStringBuilder.ApplicationName ??= applicationName;
        builder.ConnectionStringBuilder.Pooling = pooled && builder.ConnectionStringBuilder.Pooling;
        if (poolSize is { } size)
        {
            builder.ConnectionStringBuilder.MaxPoolSize = size;
            builder.ConnectionStringBuilder.MinPoolSize = Math.Min(builder.ConnectionStringBuilder.MinPoolSize, size);
        }
        builder.ConnectionStringBuilder.NoResetOnClose = pooled;
        builder.ConnectionStringBuilder.MaxAutoPrepare = 0;
        return builder.Build();
    }
}
