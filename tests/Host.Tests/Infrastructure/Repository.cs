namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>Folders of the repository the tests run from.</summary>
internal static class Repository
{
    public static DirectoryInfo Root { get; } = FindRoot();

    public static string ClientApp => Path.Combine(Root.FullName, "src", "Host", "ClientApp");

    private static DirectoryInfo FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.sln"))) return dir;
        throw new InvalidOperationException($"AfterSales.sln was not found above {AppContext.BaseDirectory}.");
    }
}
