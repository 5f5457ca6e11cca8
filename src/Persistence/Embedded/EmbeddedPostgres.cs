using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace AfterSales.Persistence.Embedded;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own server binaries (initdb, pg_ctl). It listens on a Unix socket in
/// its data folder (0700, so only its owner and root can reach it) and nowhere else, unless the socket's path would be too
/// long, then on 127.0.0.1; either way every connection needs the superuser's password (scram-sha-256), a random one made
/// at initdb and kept in <see cref="PasswordFile"/> (0600) in the data folder. Start it with <see cref="StartAsync"/>;
/// disposing stops the server but keeps the data folder for the next start.
/// </summary>
/// <remarks>
/// A data folder belongs to one process at a time: a server found running on it at start is stopped first. A data folder
/// made by an earlier version with trust authentication (no password file) is migrated on start: the server is started
/// once on its socket alone, the password set, and the password file written.
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string SettingsFile = "aftersales.conf";
    private const string LogFile = "server.log";
    private const string SuperUser = "postgres";
    private const string PasswordAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int MaxSocketPathLength = 107;

    /// <summary>The superuser's password, in the data folder, readable by its owner only.</summary>
    public const string PasswordFile = "aftersales.password";
    private static readonly string[] Tools = ["initdb", "pg_ctl", "postgres"];

    private readonly string _binDirectory;
    // initdb and postgres refuse to run as root, so root runs them as the postgres OS user.
    private readonly bool _runAsPostgresUser = Environment.IsPrivilegedProcess;
    private bool _running;
    private string _password = "";

    private EmbeddedPostgres(string binDirectory, string dataDirectory)
    {
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public int Port { get; private set; }

    /// <summary>Connection string to the options' database, as the superuser <c>postgres</c>, password included.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Where clients connect: the socket folder (the data folder), or 127.0.0.1 when its path is too long for a socket.</summary>
    public string Host => UsesSocket ? DataDirectory : "127.0.0.1";

    private bool UsesSocket => DataDirectory.Length + $"/.s.PGSQL.{Port}".Length <= MaxSocketPathLength;

    public string GetConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = SuperUser,
        Password = _password,
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
        if (cluster._runAsPostgresUser)
            await cluster.CheckPostgresUserCanReachAsync(cancellationToken);
        cluster.Port = options.Port != 0 ? options.Port : PickPort(cluster.ReadPreviousPort());
        if (File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")))
        {
            await cluster.StopLeftoverServerAsync(cancellationToken);
            if (!File.Exists(cluster.PasswordPath))
                await cluster.MigrateFromTrustAsync(cancellationToken);
        }
        else
        {
            await cluster.InitAsync(options.Durable, cancellationToken);
        }
        cluster._password = (await File.ReadAllTextAsync(cluster.PasswordPath, cancellationToken)).Trim();
        cluster.ConnectionString = cluster.GetConnectionString(options.Database);

        await cluster.WriteAccessAsync(socketOnly: false, cancellationToken);
        await cluster.WriteSettingsAsync(options.Durable, socketOnly: false, cancellationToken);
        await cluster.StartServerAsync(cancellationToken);

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

    private string PasswordPath => Path.Combine(DataDirectory, PasswordFile);

    private async Task InitAsync(bool durable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        if (_runAsPostgresUser)
            await RunAsync("chown", [$"{SuperUser}:{SuperUser}", DataDirectory], cancellationToken);

        // initdb reads the password from a file, which cannot be in the data folder (it must be empty): a private folder of
        // its own, handed to the postgres user when that is who runs initdb, removed right after.
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 32);
        var passwordFolder = Directory.CreateTempSubdirectory("aftersales-initdb-");
        try
        {
            var passwordFile = Path.Combine(passwordFolder.FullName, "password");
            await WritePrivateFileAsync(passwordFile, password, cancellationToken);
            if (_runAsPostgresUser)
                await RunAsync("chown", ["-R", $"{SuperUser}:{SuperUser}", passwordFolder.FullName], cancellationToken);

            // C locale: byte-order sorting that does not depend on which locales the machine has installed.
            string[] args = ["-D", DataDirectory, "-U", SuperUser, "-A", "scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C"];
            await ToolAsync("initdb", durable ? args : [.. args, "--no-sync"], cancellationToken);
        }
        finally
        {
            passwordFolder.Delete(recursive: true);
        }
        await WritePrivateFileAsync(PasswordPath, password, cancellationToken);

        // Our settings live in a file we rewrite on every start, so changed options take effect.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"),
            $"\ninclude_if_exists = '{SettingsFile}'\n", cancellationToken);
    }

    /// <summary>
    /// Root runs the cluster as the postgres OS user, which must be able to pass through every folder above the data
    /// folder. Earlier versions opened those folders (o+x, turning /root into 701); now the operator chooses a folder the
    /// postgres user can reach (the default for root, /var/lib/aftersales/pgdata, is one) and nothing above it is changed.
    /// </summary>
    private async Task CheckPostgresUserCanReachAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Running the cluster as another OS user needs runuser (Linux).");

        var parent = Path.GetDirectoryName(DataDirectory) ?? DataDirectory;
        Directory.CreateDirectory(parent);
        var (exitCode, _) = await RunAsync("runuser", ["-u", SuperUser, "--", "test", "-x", parent], cancellationToken, check: false, workingDirectory: "/");
        if (exitCode != 0)
            throw new InvalidOperationException(
                $"PostgreSQL does not run as root, so the Host runs it as the OS user {SuperUser}, who cannot reach {parent} "
                + "(a folder above it does not let other users pass, as /root does not). Put the data folder where that user can reach it, "
                + "e.g. Database:DataDirectory=/var/lib/aftersales/pgdata, or run the Host as an ordinary user. "
                + "The Host does not change the permissions of folders it does not own.");
    }

    /// <summary>
    /// A data folder from before passwords (initdb -A trust, no password file): starts the server once on its private socket
    /// only, with trust for that socket alone, sets a random password, stops it, and keeps the password in its file.
    /// </summary>
    private async Task MigrateFromTrustAsync(CancellationToken cancellationToken)
    {
        if (!UsesSocket)
            throw new InvalidOperationException(
                $"The data folder {DataDirectory} was made with trust authentication and its path is too long for a private Unix socket, "
                + "so it cannot be given a password safely. Move it to a shorter path and start again.");

        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 32);
        await WriteAccessAsync(socketOnly: true, cancellationToken);
        await WriteSettingsAsync(durable: true, socketOnly: true, cancellationToken);
        await StartServerAsync(cancellationToken);
        try
        {
            var admin = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false, Password = null };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            // The password is letters and digits only, so the literal needs no escaping; ALTER ROLE takes no parameters.
            await using var alter = new NpgsqlCommand($"set password_encryption = 'scram-sha-256'; alter role {SuperUser} password '{password}'", connection);
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await StopAsync(CancellationToken.None);
        }
        await WritePrivateFileAsync(PasswordPath, password, cancellationToken);
    }

    /// <summary>Writes the whole file, created 0600, under a temporary name first so a crash never leaves half a secret.</summary>
    private static async Task WritePrivateFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(temporary, options))
        await using (var writer = new StreamWriter(stream))
            await writer.WriteAsync(content.AsMemory(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        await ToolAsync("pg_ctl",
            ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(DataDirectory, LogFile), "-o", $"-p {Port}"],
            cancellationToken);
        _running = true;
    }

    /// <summary>pg_hba.conf, rewritten on every start: a password on every connection, or the migration's socket-only trust.</summary>
    private async Task WriteAccessAsync(bool socketOnly, CancellationToken cancellationToken)
    {
        var rules = socketOnly
            ? "local all postgres trust\n"
            : "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n";
        var path = Path.Combine(DataDirectory, "pg_hba.conf");
        await File.WriteAllTextAsync(path, "# Rewritten by AfterSales on every start.\n" + rules, cancellationToken);
        if (_runAsPostgresUser)
            await RunAsync("chown", [$"{SuperUser}:{SuperUser}", path], cancellationToken);
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

    private async Task WriteSettingsAsync(bool durable, bool socketOnly, CancellationToken cancellationToken)
    {
        // The socket sits in the data folder (0700) rather than /var/run/postgresql, which only the system cluster may use,
        // and it is then the only way in. Unix socket paths are limited to 107 bytes; past that we listen on 127.0.0.1
        // instead (with a password all the same) rather than fail to start.
        var socketDirectory = UsesSocket ? DataDirectory : "";
        var listen = UsesSocket || socketOnly ? "" : "127.0.0.1";
        var settings = $"""
            # Rewritten by AfterSales on every start from EmbeddedPostgresOptions: edit those instead.
            port = {Port}
            listen_addresses = '{listen}'
            unix_socket_directories = '{socketDirectory.Replace("'", "''")}'
            unix_socket_permissions = 0700
            password_encryption = 'scram-sha-256'

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

    private async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> args, CancellationToken cancellationToken, bool check = true, string? workingDirectory = null)
    {
        // Run inside the data folder: the postgres user may not be allowed into the caller's working folder.
        var start = new ProcessStartInfo(fileName, args)
        {
            WorkingDirectory = workingDirectory ?? DataDirectory,
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
