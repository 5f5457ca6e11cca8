using AfterSales.Persistence.Tests.Infrastructure;

namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>One in-memory Host per test class, on a fresh database named after the class; started by the first test.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private HostFactory? _factory;

    internal async Task<HttpClient> StartAsync(PostgresFixture postgres, string database)
    {
        _factory ??= new HostFactory(await postgres.CreateDatabaseAsync(database));
        return _factory.CreateClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

/// <summary>
/// A test class that talks to its own Host through <see cref="Client"/>. Tests of one class share the database,
/// so each uses definition ids of its own and compares before with after rather than expecting emptiness.
/// </summary>
public abstract class HostTest(PostgresFixture postgres, HostFixture host) : IClassFixture<HostFixture>, IAsyncLifetime
{
    protected HttpClient Client { get; private set; } = null!;

    protected PostgresFixture Postgres => postgres;

    protected string DatabaseName => "host_" + GetType().Name.ToLowerInvariant();

    public async Task InitializeAsync() => Client = await host.StartAsync(postgres, DatabaseName);

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}
