using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AfterSales.Persistence.Embedded;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Persistence.Tests.Embedded;

/// <summary>Start/stop behaviour on clusters of their own; queries on a running cluster go through PostgresFixture.</summary>
public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly DirectoryInfo _root = TestFolders.Passable("aftersales-pg-test-");

    private EmbeddedPostgresOptions Options => new()
    {
        DataDirectory = Path.Combine(_root.FullName, "pgdata"),
        Durable = false,
    };

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Start_ReusesExistingDataFolder_AndKeepsData()
    {
        await using (var first = await EmbeddedPostgres.StartAsync(Options))
            await Execute(first, "create table kept (value text); insert into kept values ('still here')");

        await using var second = await EmbeddedPostgres.StartAsync(Options);

        Assert.Equal("still here", await Execute(second, "select value from kept"));
    }

    [Fact]
    public async Task Start_PicksAnotherPort_WhenThePreviousOneIsTaken()
    {
        int previousPort;
        await using (var first = await EmbeddedPostgres.StartAsync(Options))
        {
            previousPort = first.Port;
            await Execute(first, "create table kept (value int); insert into kept values (42)");
        }
        using var squatter = new TcpListener(IPAddress.Loopback, previousPort);
        squatter.Start();

        await using var second = await EmbeddedPostgres.StartAsync(Options);

        Assert.NotEqual(previousPort, second.Port);
        Assert.Equal(42, await Execute(second, "select value from kept"));
    }

    [Fact]
    public async Task Start_RemovesStalePidFile_LeftByAKilledRun()
    {
        await using (await EmbeddedPostgres.StartAsync(Options)) { }
        // The pid of a process that has exited: what postmaster.pid names after its server was killed.
        using var gone = Process.Start("true")!;
        await gone.WaitForExitAsync();
        await File.WriteAllTextAsync(Path.Combine(Options.DataDirectory, "postmaster.pid"), $"{gone.Id}\n{Options.DataDirectory}\n");

        await using var cluster = await EmbeddedPostgres.StartAsync(Options);

        Assert.Equal(1, await Execute(cluster, "select 1"));
    }

    [Fact]
    public async Task Start_StopsTheServerLeftRunningByAKilledRun()
    {
        // Never disposed: like a test run killed before it could stop its server.
        var abandoned = await EmbeddedPostgres.StartAsync(Options);

        await using var cluster = await EmbeddedPostgres.StartAsync(Options);

        Assert.Equal(1, await Execute(cluster, "select 1"));
        GC.KeepAlive(abandoned);
    }

    [Fact]
    public async Task Start_ExplainsHowToInstallPostgres_WhenBinariesAreMissing()
    {
        var options = Options;
        options.BinarySearchPath = [_root.FullName];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedPostgres.StartAsync(options));

        Assert.Contains("apt-get install -y postgresql", error.Message);
        Assert.Contains("ConnectionStrings:AfterSales", error.Message);
        Assert.False(Directory.Exists(options.DataDirectory));
    }

    [Fact]
    public void FindBinDirectory_SkipsFoldersThatLackATool()
    {
        var partial = _root.CreateSubdirectory("partial");
        var complete = _root.CreateSubdirectory("complete");
        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
            File.WriteAllText(Path.Combine(complete.FullName, tool), "");
        File.WriteAllText(Path.Combine(partial.FullName, "initdb"), "");

        Assert.Equal(complete.FullName, EmbeddedPostgres.FindBinDirectory([partial.FullName, complete.FullName]));
    }

    private static async Task<object?> Execute(EmbeddedPostgres cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
