using System.Runtime.Versioning;
using AfterSales.Persistence.Embedded;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Persistence.Tests.Security;

/// <summary>Who may connect to the embedded cluster: only whoever holds its password file, never any local user.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class EmbeddedPostgresAccessTests : IDisposable
{
    private readonly DirectoryInfo _root = TestFolders.Passable("aftersales-pg-access-");

    private EmbeddedPostgresOptions Options => new()
    {
        DataDirectory = Path.Combine(_root.FullName, "pgdata"),
        Durable = false,
    };

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Connection_WithoutThePassword_IsRefused_AndNothingListensOnTcp()
    {
        await using var cluster = await EmbeddedPostgres.StartAsync(Options);
        var withoutPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Password = null, Pooling = false };
        var wrongPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Password = "not-the-password", Pooling = false };
        var overTcp = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Host = "127.0.0.1", Pooling = false, Timeout = 5 };

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(withoutPassword.ConnectionString));
        var wrong = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(wrongPassword.ConnectionString));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, wrong.SqlState);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(overTcp.ConnectionString));
        Assert.Equal(cluster.DataDirectory, cluster.Host);
        await OpenAsync(cluster.ConnectionString);
    }

    [Fact]
    public async Task PasswordFile_IsReadableByItsOwnerOnly_AndTheSocketFolderIsPrivate()
    {
        await using var cluster = await EmbeddedPostgres.StartAsync(Options);

        var passwordFile = Path.Combine(cluster.DataDirectory, EmbeddedPostgres.PasswordFile);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cluster.Host));
    }

    [Fact]
    public async Task Start_GivesAClusterMadeWithTrustAPassword_AndKeepsItsData()
    {
        await using (var first = await EmbeddedPostgres.StartAsync(Options))
            await Execute(first.ConnectionString, "create table kept (value text); insert into kept values ('still here')");
        // What an earlier version left: trust for everyone on 127.0.0.1 and the socket, and no password file.
        File.Delete(Path.Combine(Options.DataDirectory, EmbeddedPostgres.PasswordFile));
        await File.WriteAllTextAsync(Path.Combine(Options.DataDirectory, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");

        await using var migrated = await EmbeddedPostgres.StartAsync(Options);

        Assert.Equal("still here", await Execute(migrated.ConnectionString, "select value from kept"));
        Assert.True(File.Exists(Path.Combine(Options.DataDirectory, EmbeddedPostgres.PasswordFile)));
        var withoutPassword = new NpgsqlConnectionStringBuilder(migrated.ConnectionString) { Password = null, Pooling = false };
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(withoutPassword.ConnectionString));
    }

    [Fact]
    public async Task Start_LeavesTheModesOfTheFoldersAboveTheDataFolderAsTheyAre()
    {
        // A private folder, as /root is: 0700.
        var closed = Directory.CreateTempSubdirectory("aftersales-pg-closed-");
        try
        {
            var options = Options;
            options.DataDirectory = Path.Combine(closed.FullName, "pgdata");
            var before = File.GetUnixFileMode(closed.FullName);

            if (Environment.IsPrivilegedProcess)
            {
                // Root runs the cluster as postgres, who cannot pass: refused with what to do, rather than the folder opened.
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedPostgres.StartAsync(options));
                Assert.Contains("Database:DataDirectory", error.Message);
            }
            else
            {
                await using var cluster = await EmbeddedPostgres.StartAsync(options);
            }

            Assert.Equal(before, File.GetUnixFileMode(closed.FullName));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, before);
        }
        finally
        {
            closed.Delete(recursive: true);
        }
    }

    private static async Task OpenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
    }

    private static async Task<object?> Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
