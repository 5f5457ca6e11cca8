namespace AfterSales.TestSupport;

/// <summary>The repository the tests were built from: found once, by walking up from the test assembly to AfterSales.sln.</summary>
public static class RepositoryFolders
{
    private static readonly DirectoryInfo TestOutput = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static DirectoryInfo Root { get; } = FindRoot();

    /// <summary>The workflow definitions the Host imports on first start.</summary>
    public static string WorkflowsJson => Path.Combine(Root.FullName, "workflows-json");

    /// <summary>The configuration the tests were built in, e.g. Release (from …/bin/Release/net10.0).</summary>
    public static string Configuration => TestOutput.Parent!.Name;

    /// <summary>
    /// A project's own build output under src/, in the configuration and framework these tests were built in (a project
    /// the test project does not use is not copied into its output).
    /// </summary>
    public static string BuildOutput(string project) =>
        Path.Combine(Root.FullName, "src", project, "bin", Configuration, TestOutput.Name);

    public static string ClientApp => Path.Combine(Root.FullName, "src", "Host", "ClientApp");

    /// <summary>Where CI keeps what a run leaves for people to look at (screenshots, a served document).</summary>
    public static string CiOutput => Path.Combine(Root.FullName, ".ci", "out");

    private static DirectoryInfo FindRoot()
    {
        for (var dir = TestOutput; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.sln"))) return dir;
        throw new InvalidOperationException($"AfterSales.sln was not found above {AppContext.BaseDirectory}.");
    }
}
