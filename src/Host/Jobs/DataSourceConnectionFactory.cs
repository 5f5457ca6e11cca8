using Hangfire.PostgreSql;
using Npgsql;

namespace AfterSales.Host.Jobs;

/// <summary>Hangfire's connections from a data source of its own: its own pool, named in <c>pg_stat_activity</c>.</summary>
internal sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
