using System.Net;
using AfterSales.Activities;
using AfterSales.Host.Jobs.Timers;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.Persistence.Definitions;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AfterSales.Host.Tests.Jobs;

/// <summary>Real Host processes firing timers: a Host that dies does not take its timers with it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TimerProcessTests(PostgresFixture postgres)
{
    [Fact]
    public async Task DueTimers_AreResumedByTheOtherHost_WhenTheLeadingHostProcessIsKilled()
    {
        var database = await postgres.CreateDatabaseAsync("jobs_leader_killed");
        var settings = JobsHost.FastJobs().ToDictionary(s => s.Key, s => s.Value!);
        settings["ConnectionStrings:AfterSales"] = database;
        settings["Workflows:SeedFolder"] = HostFactory.NoSeeds;
        settings["Seed:Password"] = Users.Password;
        await using var leader = await HostProcess.StartAsync(settings);
        await Eventually.HoldsAsync(async () => await HoldersOfTheTimerLockAsync(database) == 1, TimeSpan.FromSeconds(10), "the first Host leads");
        await using var other = await HostProcess.StartAsync(settings);

        // The instances are started from here, on the database the Hosts share.
        await using var client = Client(database);
        await client.GetRequiredService<WorkflowDefinitionService>().ImportAsync(JobWorkflows.Delay("wait-3s", "3s"), publish: true);
        var runtime = client.GetRequiredService<WorkflowRuntime>();
        for (var i = 0; i < 20; i++) Assert.True((await runtime.StartAsync("wait-3s")).Succeeded);

        await leader.KillAsync();

        await Eventually.HoldsAsync(async () => await CountAsync(database,
                "select count(*) from aftersales.workflow_instances where status = 'Completed'") == 20,
            TimeSpan.FromSeconds(20), $"every instance completed. The other Host's output:\n{other.Output}");
        Assert.Equal(20, await CountAsync(database, "select count(*) from aftersales.workflow_journal where kind = 'Resumed'"));
        Assert.Equal(1, await HoldersOfTheTimerLockAsync(database));
    }

    [Fact]
    public async Task Dashboard_IsOpenToRequestsFromThisMachine_WhenTheOperatorAllowsIt()
    {
        var database = await postgres.CreateDatabaseAsync("jobs_dashboard_local");
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:AfterSales"] = database,
            ["Jobs:DashboardAllowsLocalRequests"] = "true",
            ["Workflows:SeedFolder"] = HostFactory.NoSeeds,
            ["Seed:Password"] = Users.Password,
        });

        using var response = await host.Client.GetAsync("/hangfire");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("AfterSales jobs", await response.Content.ReadAsStringAsync());
    }

    private static ServiceProvider Client(string connectionString)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAfterSalesWorkflows().AddCoreActivities();
        services.AddAfterSalesPersistence(connectionString);
        return services.BuildServiceProvider();
    }

    private static Task<long> HoldersOfTheTimerLockAsync(string database) => CountAsync(database,
        $"""
        select count(*) from pg_locks
        where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())
          and classid = {(uint)((long)AdvisoryLockKey.TimerLeader >> 32)} and objid = {unchecked((uint)AdvisoryLockKey.TimerLeader)}
        """);

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
