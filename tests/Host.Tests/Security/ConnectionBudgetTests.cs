using AfterSales.Host.Jobs;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Host.Tests.Security;

/// <summary>
/// Issue 7, finding 16: a Host's pools are sized from configuration within a documented budget, and two Hosts fit under
/// what the server allows (its <c>max_connections</c> less the connections reserved for superusers).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConnectionBudgetTests(PostgresFixture postgres)
{
    [Fact]
    public async Task PoolsOfAHost_StayWithinItsBudget_AndTwoHostsFitUnderTheServersMaxConnections()
    {
        await using var factory = new HostFactory(await postgres.CreateDatabaseAsync("security_pool_budget"));
        var services = factory.Services;
        var budget = services.GetRequiredService<IOptions<DatabasePoolOptions>>().Value;
        var jobs = services.GetRequiredService<JobsDatabase>();

        var pooled = new[] { services.GetRequiredService<NpgsqlDataSource>(), jobs.Pool, services.GetRequiredService<SideReadsDataSource>().DataSource }
            .Sum(MaxPoolSize);
        // The unpooled jobs connections: the timer pump's leader lock, and Hangfire's schema install at start.
        var perHost = pooled + DatabasePoolOptions.UnpooledPerHost;

        Assert.Equal(budget.PerHostBudget, perHost);
        var available = await ScalarAsync(services, "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int");
        Assert.True(2 * perHost <= available, $"two Hosts need {2 * perHost} connections, the server allows {available}");
    }

    [Fact]
    public async Task PoolSizes_ComeFromConfiguration()
    {
        await using var factory = new HostFactory(await postgres.CreateDatabaseAsync("security_pool_settings"), settings: new Dictionary<string, string?>
        {
            ["Database:MaxPoolSize"] = "7",
            ["Database:JobsPoolSize"] = "6",
            ["Database:SideReadsPoolSize"] = "3",
        });
        var services = factory.Services;

        Assert.Equal(7, MaxPoolSize(services.GetRequiredService<NpgsqlDataSource>()));
        Assert.Equal(6, MaxPoolSize(services.GetRequiredService<JobsDatabase>().Pool));
        Assert.Equal(3, MaxPoolSize(services.GetRequiredService<SideReadsDataSource>().DataSource));
        Assert.Equal(7 + 6 + 3 + DatabasePoolOptions.UnpooledPerHost, services.GetRequiredService<IOptions<DatabasePoolOptions>>().Value.PerHostBudget);
    }

    private static int MaxPoolSize(NpgsqlDataSource dataSource) => new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize;

    private static async Task<int> ScalarAsync(IServiceProvider services, string sql)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
