using AfterSales.Persistence.Embedded;
using Npgsql;

namespace AfterSales.Benchmarks;

/// <summary>
/// Counts the statements the server runs in the cluster's database: with pg_stat_statements (loaded by restarting the
/// cluster with it preloaded), which counts every statement, BEGIN and COMMIT included; where the extension is not
/// installed, with pg_stat_database's committed and rolled-back transactions, which undercounts, and says so.
/// </summary>
internal sealed class StatementCounter
{
    private const string ThisDatabase = "(select oid from pg_database where datname = current_database())";

    private StatementCounter(EmbeddedPostgres cluster, bool statements)
    {
        Cluster = cluster;
        _statements = statements;
    }

    private readonly bool _statements;

    /// <summary>The cluster, restarted when pg_stat_statements had to be preloaded.</summary>
    public EmbeddedPostgres Cluster { get; }

    public string Method => _statements
        ? "pg_stat_statements, every statement incl. BEGIN/COMMIT"
        : "pg_stat_database transactions: pg_stat_statements is not installed, so this undercounts statements";

    public static async Task<StatementCounter> EnableAsync(EmbeddedPostgres cluster, EmbeddedPostgresOptions options)
    {
        if (Convert.ToInt64(await ScalarAsync(cluster, "select count(*) from pg_available_extensions where name = 'pg_stat_statements'")) == 0)
            return new StatementCounter(cluster, statements: false);
        await ScalarAsync(cluster, "alter system set shared_preload_libraries = 'pg_stat_statements'");
        await cluster.StopAsync();
        cluster = await EmbeddedPostgres.StartAsync(options);
        await ScalarAsync(cluster, "create extension if not exists pg_stat_statements");
        return new StatementCounter(cluster, statements: true);
    }

    public async Task ResetAsync()
    {
        if (_statements) await ScalarAsync(Cluster, "select pg_stat_statements_reset()");
        else _baseline = await TransactionsAsync();
    }

    private long _baseline;

    /// <summary>Statements (or transactions) since the last reset, the counter's own queries left out.</summary>
    public async Task<long> TotalAsync() => _statements
        ? Convert.ToInt64(await ScalarAsync(Cluster,
            $"select coalesce(sum(calls), 0) from pg_stat_statements where dbid = {ThisDatabase} and query not like '%pg_stat_statements%'"))
        : await TransactionsAsync() - _baseline;

    /// <summary>Counts over <paramref name="window"/>; answers the total and the most frequent statements.</summary>
    public async Task<(long Total, IReadOnlyList<(long Calls, string Query)> Top)> CountAsync(TimeSpan window)
    {
        await ResetAsync();
        await Task.Delay(window);
        var total = await TotalAsync();
        var top = new List<(long, string)>();
        if (!_statements) return (total, top);
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select calls, left(regexp_replace(query, '\s+', ' ', 'g'), 100) from pg_stat_statements
            where dbid = {ThisDatabase} and query not like '%pg_stat_statements%' order by calls desc limit 10
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) top.Add((reader.GetInt64(0), reader.GetString(1)));
        return (total, top);
    }

    private async Task<long> TransactionsAsync()
    {
        // The statistics are flushed lazily: wait for this backend's and the others' to land.
        await ScalarAsync(Cluster, "select pg_stat_clear_snapshot()");
        return Convert.ToInt64(await ScalarAsync(Cluster,
            "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()"));
    }

    private static async Task<object?> ScalarAsync(EmbeddedPostgres cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
