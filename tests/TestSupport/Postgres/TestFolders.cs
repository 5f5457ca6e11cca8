namespace AfterSales.TestSupport.Postgres;

/// <summary>Temporary folders for test clusters.</summary>
public static class TestFolders
{
    /// <summary>
    /// A new temporary folder that other users may pass through (0711): when the tests run as root the cluster runs as the
    /// postgres OS user, who must reach the data folder inside, and the cluster no longer opens folders above it by itself.
    /// </summary>
    public static DirectoryInfo Passable(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder.FullName,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return folder;
    }
}
