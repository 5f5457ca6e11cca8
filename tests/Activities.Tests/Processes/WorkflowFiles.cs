using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.Processes;

/// <summary>The workflow definitions of the repository's workflows-json folder, found by walking up from the test assembly.</summary>
internal static class WorkflowFiles
{
    public const string FolderName = "workflows-json";

    public static string Folder { get; } = Find();

    public static IReadOnlyList<string> Paths { get; } = Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<WorkflowDefinition> Definitions { get; } =
        Paths.Select(p => WorkflowJson.Deserialize(File.ReadAllText(p))).ToArray();

    public static WorkflowDefinition Get(string definitionId) => Definitions.Single(d => d.DefinitionId == definitionId);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"no {FolderName} folder above {AppContext.BaseDirectory}");
    }
}
