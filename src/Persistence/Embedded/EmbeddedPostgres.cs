using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AfterSales.Persistence.Embedded;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own server binaries (initdb, pg_ctl),
/// listening on 127.0.0.1 only with trust authentication. Start it with <see cref="StartAsync"/>;
/// disposing stops the server but keeps the data folder for the next start.
/// </summary>
/// <remarks>A data folder belongs to one process at a time: a server found running on it at start is stopped first.</remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string SettingsFile = "aftersales.conf";
    private const string LogFile = "server.log";
    private const string SuperUser = "postgres";
    private static readonly string[] Tools = ["initdb", "pg_ctl", "postgres"];

    private readonly string _binDirectory;
    // initdb and postgres refuse to run as root, so root runs them as the postgres OS user.
    private readonly bool _runAsPostgresUser = Environment.IsPrivilegedProcess;
    private bool _running;

    private EmbeddedPostgres(string binDirectory, string dataDirectory)
    {
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public int Port { get; private set; }

    /// <summary>Connection string to the options' database, as the superuser <c>postgres</c>.</summary>
    public string ConnectionString { get; private set; } = "";

    public string GetConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Initialises the data folder if needed, starts the server and creates the database if missing.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Database);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);

        var searchPath = options.BinarySearchPath ?? DefaultSearchPath();
        var bin = FindBinDirectory(searchPath) ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries ({string.Join(", ", Tools)}) were not found in {string.Join(":", searchPath)}. "
            + "Install them (Debian/Ubuntu: `apt-get install -y postgresql`), "
            + "or set ConnectionStrings:AfterSales to use an existing PostgreSQL server instead.");

        // Absolute paths: the tools run with the data folder as their working folder.
        var cluster = new EmbeddedPostgres(Path.GetFullPath(bin), Path.GetFullPath(options.DataDirectory));
        if (File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")))
            await cluster.StopLeftoverServerAsync(cancellationToken);
        else
            await cluster.InitAsync(options.Durable, cancellationToken);

        cluster.Port = options.Port != 0 ? options.Port : PickPort(cluster.ReadPreviousPort());
        cluster.ConnectionString = cluster.GetConnectionString(options.Database);
        await cluster.WriteSettingsAsync(options.Durable, cancellationToken);
        await cluster.ToolAsync("pg_ctl",
            ["start", "-D", cluster.DataDirectory, "-w", "-t", "60",
             "-l", Path.Combine(cluster.DataDirectory, LogFile), "-o", $"-p {cluster.Port}"],
            cancellationToken);
        cluster._running = true;

        try
        {
            await cluster.CreateDatabaseIfMissingAsync(options.Database, cancellationToken);
        }
        catch
        {
            await cluster.StopAsync(CancellationToken.None);
            throw;
        }
        return cluster;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_running)
            return;
        await ToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], cancellationToken);
        _running = false;
        // Pooled connections died with the server; a restart on the same port would hand them out otherwise.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    internal static IEnumerable<string> DefaultSearchPath()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(dir => decimal.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var version) ? version : 0)
                .Select(dir => Path.Combine(dir, "bin"))
            : [];
        return [.. path, .. installed];
    }

    internal static string? FindBinDirectory(IEnumerable<string> searchPath) =>
        searchPath.FirstOrDefault(dir => Tools.All(tool => File.Exists(Path.Combine(dir, tool))));

    private async Task InitAsync(bool durable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        if (_runAsPostgresUser)
            await HandFolderToPostgresUserAsync(cancellationToken);

        // C locale: byte-order sorting that does not depend on which locales the machine has installed.
        string[] args = ["-D", DataDirectory, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C"];
        await ToolAsync("initdb", durable ? args : [.. args, "--no-sync"], cancellationToken);

        // Our settings live in a file we rewrite on every start, so changed options take effect.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"),
            $"\ninclude_if_exists = '{SettingsFile}'\n", cancellationToken);
    }

    private async Task HandFolderToPostgresUserAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Running the cluster as another OS user needs runuser (Linux).");

        // The postgres user must be able to enter every folder above the data folder (e.g. /root is 0700).
        // Execute-only is enough: it lets it pass through without listing or reading anything.
        for (var dir = Path.GetDirectoryName(DataDirectory); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
                File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
        }
        await RunAsync("chown", [$"{SuperUser}:{SuperUser}", DataDirectory], cancellationToken);
    }

    private async Task StopLeftoverServerAsync(CancellationToken cancellationToken)
    {
        // A killed run leaves postmaster.pid behind and often the server too, since pg_ctl daemonises it.
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return;

        var status = await ToolAsync("pg_ctl", ["status", "-D", DataDirectory], cancellationToken, check: false);
        var pid = File.ReadLines(pidFile).FirstOrDefault()?.Trim();
        // pg_ctl status only checks that the pid is alive; after a reboot it may belong to another process,
        // which pg_ctl stop must not signal.
        var isPostgres = pid is not null && File.Exists($"/proc/{pid}/comm")
            && File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres";
        if (status.ExitCode == 0 && isPostgres)
            await ToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], cancellationToken);
        else
            File.Delete(pidFile);
    }

    private int ReadPreviousPort()
    {
        var settings = Path.Combine(DataDirectory, SettingsFile);
        var line = File.Exists(settings) ? File.ReadLines(settings).FirstOrDefault(l => l.StartsWith("port = ", StringComparison.Ordinal)) : null;
        return line is not null && int.TryParse(line["port = ".Length..], out var port) ? port : 0;
    }

    private static int PickPort(int previous)
    {
        if (previous != 0 && IsFree(previous))
            return previous;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task WriteSettingsAsync(bool durable, CancellationToken cancellationToken)
    {
        // The socket sits in the data folder rather than /var/run/postgresql, which only the system cluster may use.
        // Unix socket paths are limited to 107 bytes; past that we go TCP-only rather than fail to start.
        var socketDirectory = DataDirectory.Length + $"/.s.PGSQL.{Port}".Length <= 107 ? DataDirectory : "";
        var settings = $"""
            # Rewritten by AfterSales on every start from EmbeddedPostgresOptions: edit those instead.
            port = {Port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{socketDirectory.Replace("'", "''")}'

            """;
        if (!durable)
            settings += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";

        var path = Path.Combine(DataDirectory, SettingsFile);
        await File.WriteAllTextAsync(path, settings, cancellationToken);
        if (_runAsPostgresUser)
            await RunAsync("chown", [$"{SuperUser}:{SuperUser}", path], cancellationToken);
    }

    private async Task CreateDatabaseIfMissingAsync(string database, CancellationToken cancellationToken)
    {
        // Unpooled: this admin connection is used once, and must not outlive a restart in a pool.
        var admin = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return;

        await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<(int ExitCode, string Output)> ToolAsync(string tool, IEnumerable<string> args, CancellationToken cancellationToken, bool check = true)
    {
        var path = Path.Combine(_binDirectory, tool);
        return _runAsPostgresUser
            ? RunAsync("runuser", ["-u", SuperUser, "--", path, .. args], cancellationToken, check)
            : RunAsync(path, args, cancellationToken, check);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> args, CancellationToken cancellationToken, bool check = true)
    {
        // Run inside the data folder: the postgres user may not be allowed into the caller's working folder.
        var start = new ProcessStartInfo(fileName, args)
        {
            WorkingDirectory = DataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout + await stderr).Trim();

        if (check && process.ExitCode != 0)
            throw new InvalidOperationException(
                $"`{fileName} {string.Join(' ', args)}` exited with {process.ExitCode}: {output}{ServerLogTail()}");
        return (process.ExitCode, output);
    }

    private string ServerLogTail()
    {
        var log = Path.Combine(DataDirectory, LogFile);
        return File.Exists(log) ? $"\nLast lines of {log}:\n{string.Join('\n', File.ReadLines(log).TakeLast(20))}" : "";
    }
}
