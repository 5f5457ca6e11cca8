using System.Net;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Host.Tests.Health;

[Collection(PostgresCollection.Name)]
public sealed class HealthTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Health_AnswersOkWithTheVersion_WhenTheDatabaseIsReachable()
    {
        var health = await Client.GetJsonAsync("/api/health");

        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Equal("reachable", health["database"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(health["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var document = await Client.GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        Assert.Contains("/api/workflow-definitions/{definitionId}/publish", paths.Select(p => p.Key));
        Assert.Contains("/api/workflow-instances/{instanceId}/signals/{signal}", paths.Select(p => p.Key));
    }

    [Fact]
    public async Task UnknownRoute_AnswersAProblem()
    {
        var response = await Client.GetAsync("/api/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>A class of its own: it drops its database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HealthWithoutDatabaseTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Health_Answers503Problem_WhenTheDatabaseIsUnreachable()
    {
        await Client.GetJsonAsync("/api/health");
        var admin = new NpgsqlConnectionStringBuilder(Postgres.Cluster.GetConnectionString("postgres")) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database \"{DatabaseName}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var response = await Client.GetAsync("/api/health");

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("unreachable", problem["detail"]!.GetValue<string>());
    }
}
