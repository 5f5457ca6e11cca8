using System.Net;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Processes;

/// <summary>The Host without a connection string: it runs its own PostgreSQL from the machine's binaries.</summary>
public sealed class EmbeddedDatabaseTests : IDisposable
{
    private readonly DirectoryInfo _root = TestFolders.Passable("aftersales-host-embedded-");

    [Fact]
    public async Task Host_RunsItsOwnPostgres_StopsItOnShutdown_AndReusesItsDataOnTheNextStart()
    {
        var data = Path.Combine(_root.FullName, "pgdata");
        var settings = new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = data,
            ["Database:Durable"] = "false",
            ["Workflows:SeedFolder"] = HostFactory.NoSeeds,
            ["Seed:Password"] = Users.Password,
        };

        await using (var first = await HostProcess.StartAsync(settings))
        {
            await first.Client.SignInAsync(Roles.ProcessOwner);
            await first.Client.PublishAsync(Samples.Approval("kept-across-starts"));
            await first.StopAsync();
            Assert.True(first.ExitCode == 0, $"The Host exited with {first.ExitCode}. Output:\n{first.Output}");
        }
        Assert.True(File.Exists(Path.Combine(data, "PG_VERSION")));
        Assert.False(File.Exists(Path.Combine(data, "postmaster.pid")), "The embedded PostgreSQL is still running after the Host stopped.");

        await using var second = await HostProcess.StartAsync(settings);
        await second.Client.SignInAsync(Roles.ProcessOwner);
        var kept = await second.Client.GetAsync($"{Api.Definitions}/kept-across-starts");
        await kept.AssertStatusAsync(HttpStatusCode.OK);
        await second.StopAsync();
        Assert.False(File.Exists(Path.Combine(data, "postmaster.pid")));
    }

    [Fact]
    public async Task Host_ExitsWithAHelpfulMessage_WhenThereIsNoConnectionStringAndNoPostgresBinaries()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = Path.Combine(_root.FullName, "pgdata"),
            ["Database:BinarySearchPath:0"] = Path.Combine(_root.FullName, "no-binaries-here"),
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("PostgreSQL server binaries", output);
        Assert.Contains("ConnectionStrings:AfterSales", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    public void Dispose() => _root.Delete(recursive: true);
}
