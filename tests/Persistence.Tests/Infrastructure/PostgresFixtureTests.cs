using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Persistence.Tests.Infrastructure;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFixtureTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Cluster_AnswersSelectOne_OnItsPrivateSocket()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select 1", connection);

        Assert.Equal(1, await command.ExecuteScalarAsync());
        // Issue 7: the cluster listens on a socket in its data folder (0700), no longer on 127.0.0.1.
        Assert.Equal(postgres.Cluster.DataDirectory, connection.Host);
        Assert.Equal("aftersales", connection.Database);
    }

    [Fact]
    public async Task CreateDatabaseAsync_ReturnsAnEmptyDatabase_EvenWhenTheNameWasUsedBefore()
    {
        var first = await postgres.CreateDatabaseAsync("fixture_probe");
        await Execute(first, "create table leftover (id int)");

        var second = await postgres.CreateDatabaseAsync("fixture_probe");

        Assert.Equal(0L, await Execute(second, "select count(*) from information_schema.tables where table_schema = 'public'"));
    }

    private static async Task<object?> Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
