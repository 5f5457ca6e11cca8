using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Persistence.Tests.Infrastructure;

/// <summary>
/// A test on a database of its own, freshly created and migrated, with one host (<see cref="Host"/>) on a fake clock.
/// xunit makes a new instance per test, so no test sees another's rows.
/// </summary>
[Collection(PostgresCollection.Name)]
public abstract class DatabaseTest(PostgresFixture postgres) : IAsyncLifetime
{
    private static int _databases;
    private readonly List<TestHost> _hosts = [];

    internal PostgresFixture Postgres { get; } = postgres;
    internal FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    internal string ConnectionString { get; private set; } = "";
    internal TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await Postgres.CreateDatabaseAsync($"{GetType().Name.ToLowerInvariant()}_{Interlocked.Increment(ref _databases)}");
        Host = await StartHostAsync();
    }

    /// <summary>Another host on the same database (disposed with the test).</summary>
    internal async Task<TestHost> StartHostAsync()
    {
        var host = await TestHost.StartAsync(ConnectionString, Time);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Saves and publishes a definition; answers the published version.</summary>
    internal async Task<int> PublishAsync(WorkflowDefinition definition)
    {
        await Host.Definitions.SaveDraftAsync(definition);
        return (await Host.Definitions.PublishAsync(definition.DefinitionId)).Version;
    }

    /// <summary>Starts an instance of the published version and checks that it started.</summary>
    internal async Task<WorkflowInstance> StartAsync(string definitionId, string? correlationId = null, TestHost? host = null)
    {
        var result = await (host ?? Host).Runtime.StartAsync(definitionId, correlationId: correlationId);
        Assert.True(result.Succeeded, result.Message);
        return result.Instance!;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
    }
}
