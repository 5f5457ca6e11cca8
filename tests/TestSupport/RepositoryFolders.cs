namespace AfterSales.TestSupport;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepositoryFolders
{
    public static DirectoryInfo Root { get; } = FindRoot();

    public static string ClientApp => Path.Combine(Root.FullName, "src", "Host", "ClientApp");

    /// <summary>Where CI keeps what a run leaves for people to look at (screenshots, a served document).</summary>
    public static string CiOutput => Path.Combine(Root.FullName, ".ci", "out");

    private static DirectoryInfo FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.sln"))) return dir;
        throw new InvalidOperationException($"AfterSales.sln was not found above {AppContext.BaseDirectory}.");
    }
}
