using System.Net;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence.Embedded;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Security;

/// <summary>
/// While the database is down a valid token is not a bad token: the Host answers 503 with Retry-After, not 401. On a cluster
/// of its own, since the test stops it.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly DirectoryInfo _root = TestFolders.Passable("aftersales-pg-outage-");
    private EmbeddedPostgres _cluster = null!;

    private EmbeddedPostgresOptions Options => new() { DataDirectory = Path.Combine(_root.FullName, "pgdata"), Durable = false, Port = _cluster?.Port ?? 0 };

    public async Task InitializeAsync() => _cluster = await EmbeddedPostgres.StartAsync(Options);

    [Fact]
    public async Task AuthenticatedRequest_Answers503WithRetryAfter_WhileTheDatabaseIsDown_And200OnceItIsBack()
    {
        await using var host = new HostFactory(_cluster.ConnectionString);
        var client = await host.CreateClient().SignInAsync("gm");

        await _cluster.StopAsync();
        HttpResponseMessage duringOutage;
        try
        {
            duringOutage = await client.GetAsync("/api/auth/me");
        }
        finally
        {
            _cluster = await EmbeddedPostgres.StartAsync(Options);
        }

        var problem = await duringOutage.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("database", problem["title"]!.GetValue<string>());
        Assert.True(duringOutage.Headers.RetryAfter?.Delta > TimeSpan.Zero, "The 503 has no Retry-After.");
        await (await client.GetAsync("/api/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _root.Delete(recursive: true);
    }
}
