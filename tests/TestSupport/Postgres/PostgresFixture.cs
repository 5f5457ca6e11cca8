using AfterSales.Persistence.Embedded;
using Npgsql;
using Xunit;

namespace AfterSales.TestSupport.Postgres;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, in a temp folder on a free port, deleted at
/// the end. Test classes join it with <c>[Collection(PostgresCollection.Name)]</c> and take a database
/// of their own from <see cref="CreateDatabaseAsync"/>, so they do not see each other's rows. Each test project declares
/// its own <c>PostgresCollection</c>: xunit finds collection definitions only in the test assembly.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _root = TestFolders.Passable("aftersales-pg-");
    private EmbeddedPostgres? _cluster;

    public EmbeddedPostgres Cluster => _cluster ?? throw new InvalidOperationException("The test cluster has not started.");

    /// <summary>Connection string to the cluster's default database, <c>aftersales</c>.</summary>
    public string ConnectionString => Cluster.ConnectionString;

    public async Task InitializeAsync() =>
        // Not durable: nothing here needs to survive a crash, and fsync dominates the cost of small tests.
        _cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(_root.FullName, "pgdata"),
            Durable = false,
        });

    /// <summary>Creates an empty database (dropping any earlier one of that name) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var quoted = $"\"{name.Replace("\"", "\"\"")}\"";
        var connectionString = Cluster.GetConnectionString(name);
        // Unpooled, so no idle admin connection lingers in a pool after the test run stops the server.
        var admin = new NpgsqlConnectionStringBuilder(Cluster.GetConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"drop database if exists {quoted} with (force)", connection))
            await drop.ExecuteNonQueryAsync();
        // The drop killed any pooled connections to the old database; the pool must not hand them out again.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await using (var create = new NpgsqlCommand($"create database {quoted}", connection))
            await create.ExecuteNonQueryAsync();
        return connectionString;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        _root.Delete(recursive: true);
    }
}
