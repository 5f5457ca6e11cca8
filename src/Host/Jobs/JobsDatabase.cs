using Npgsql;

namespace AfterSales.Host.Jobs;

/// <summary>The connections of the background jobs, apart from the application's pool and named in <c>pg_stat_activity</c>.</summary>
internal sealed class JobsDatabase(string connectionString) : IAsyncDisposable
{
    /// <summary>
    /// Hangfire's pool, which the pumps and jobs share. Connections are not reset when they go back to it: neither
    /// Hangfire.PostgreSql nor this code leaves session state behind (no prepared statements, SET, LISTEN, temporary
    /// tables or advisory locks), and the reset (DISCARD ALL) would be one more statement per use, most of what an idle
    /// Host sends otherwise.
    /// </summary>
    public NpgsqlDataSource Pool { get; } = Build(connectionString, "AfterSales jobs", pooled: true);

    /// <summary>
    /// Unpooled, for the connections that hold session advisory locks: such a lock lives as long as its session, and
    /// closing a pooled connection would keep the session (and the lock) open in the pool.
    /// </summary>
    public NpgsqlDataSource Dedicated { get; } = Build(connectionString, "AfterSales jobs (locks)", pooled: false);

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        await Dedicated.DisposeAsync();
    }

    private static NpgsqlDataSource Build(string connectionString, string applicationName, bool pooled)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= applicationName;
        builder.ConnectionStringBuilder.Pooling = pooled && builder.ConnectionStringBuilder.Pooling;
        builder.ConnectionStringBuilder.NoResetOnClose = pooled;
        builder.ConnectionStringBuilder.MaxAutoPrepare = 0;
        return builder.Build();
    }
}
