namespace AfterSales.Persistence.Embedded;

/// <summary>Where and how the private PostgreSQL cluster runs.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>Where root keeps the cluster by default: a folder the postgres OS user, who runs it, can reach.</summary>
    public const string RootDataDirectory = "/var/lib/aftersales/pgdata";

    /// <summary>
    /// The cluster's data folder; created and initialised on first start, reused afterwards. By default
    /// <c>~/.local/share/AfterSales/pgdata</c>; for root <see cref="RootDataDirectory"/>, unless an earlier version already
    /// made the cluster under /root (it then stays there).
    /// </summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    private static string DefaultDataDirectory()
    {
        var personal = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "AfterSales",
            "pgdata");
        return Environment.IsPrivilegedProcess && !File.Exists(Path.Combine(personal, "PG_VERSION")) ? RootDataDirectory : personal;
    }

    /// <summary>Loopback port; 0 keeps the previous start's port while it is free and otherwise picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The database created (if missing) on start and named in <c>ConnectionString</c>.</summary>
    public string Database { get; set; } = "aftersales";

    /// <summary>
    /// false turns off fsync, synchronous commit and full-page writes: much faster, but a crash of
    /// the machine can corrupt the cluster. Only for throwaway test clusters.
    /// </summary>
    public bool Durable { get; set; } = true;

    /// <summary>
    /// Folders searched in order for initdb, pg_ctl and postgres; null means PATH, then the newest
    /// /usr/lib/postgresql/*/bin.
    /// </summary>
    public IList<string>? BinarySearchPath { get; set; }
}
