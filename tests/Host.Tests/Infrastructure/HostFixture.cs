using AfterSales.TestSupport.Postgres;


namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>
/// One in-memory Host per test class, on a fresh database named after the class; started by the first test, which also
/// adds <see cref="Users.Tester"/> and signs in once: every client then carries that token. A derived fixture may start
/// its Host with a seed folder and settings of its own, and prepare it once it runs.
/// </summary>
public class HostFixture : IAsyncLifetime
{
    private HostFactory? _factory;
    private string? _testerToken;

    /// <summary>The workflows imported on the first start; null: none.</summary>
    protected virtual string? SeedFolder => null;

    /// <summary>Settings added to or overriding <see cref="HostFactory"/>'s.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    internal async Task<HttpClient> StartAsync(PostgresFixture postgres, string database)
    {
        if (_factory is null)
        {
            var factory = new HostFactory(await postgres.CreateDatabaseAsync(database), SeedFolder, Settings);
            await Users.AddTesterAsync(factory.Services);
            using (var login = factory.CreateClient())
                _testerToken = (await login.LoginAsync(Users.Tester))["token"]!.GetValue<string>();
            await PrepareAsync(factory);
            _factory = factory;
        }
        return _factory.CreateClient().UseToken(_testerToken!);
    }

    /// <summary>Runs once, after the Host started and before any test uses it.</summary>
    private protected virtual Task PrepareAsync(HostFactory factory) => Task.CompletedTask;

    /// <summary>A client of the started Host that has not signed in.</summary>
    internal HttpClient CreateAnonymousClient() =>
        (_factory ?? throw new InvalidOperationException("The Host has not started.")).CreateClient();

    internal IServiceProvider Services => (_factory ?? throw new InvalidOperationException("The Host has not started.")).Services;

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

/// <summary>
/// A test class that talks to its own Host through <see cref="Client"/>, signed in as <see cref="Users.Tester"/> (every role).
/// Tests of one class share the database, so each uses definition ids of its own and compares before with after rather
/// than expecting emptiness.
/// </summary>
public abstract class HostTest(PostgresFixture postgres, HostFixture host) : HostTest<HostFixture>(postgres, host);

/// <summary>A <see cref="HostTest"/> whose Host is the fixture <typeparamref name="TFixture"/> starts.</summary>
public abstract class HostTest<TFixture>(PostgresFixture postgres, TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    private readonly List<HttpClient> _clients = [];

    protected HttpClient Client { get; private set; } = null!;

    protected PostgresFixture Postgres => postgres;

    protected TFixture Fixture => host;

    protected IServiceProvider Services => host.Services;

    protected string DatabaseName => "host_" + GetType().Name.ToLowerInvariant();

    public async Task InitializeAsync() => Client = await host.StartAsync(postgres, DatabaseName);

    /// <summary>A client that has not signed in: it holds no token and no cookie (it keeps the cookies it is sent).</summary>
    protected HttpClient AnonymousClient()
    {
        var client = host.CreateAnonymousClient();
        _clients.Add(client);
        return client;
    }

    /// <summary>A client signed in as <paramref name="userName"/> (a seeded role user unless told otherwise), sending its bearer token.</summary>
    protected async Task<HttpClient> ClientAsAsync(string userName, string password = Users.Password) =>
        await AnonymousClient().SignInAsync(userName, password);

    public Task DisposeAsync()
    {
        Client.Dispose();
        foreach (var client in _clients) client.Dispose();
        return Task.CompletedTask;
    }
}
