using AfterSales.TestSupport;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.Processes;

/// <summary>The workflow definitions of the repository's workflows-json folder.</summary>
internal static class WorkflowFiles
{
    public static string Folder => RepositoryFolders.WorkflowsJson;

    public static IReadOnlyList<string> Paths { get; } = Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<WorkflowDefinition> Definitions { get; } =
        Paths.Select(p => WorkflowJson.Deserialize(File.ReadAllText(p))).ToArray();

    public static WorkflowDefinition Get(string definitionId) => Definitions.Single(d => d.DefinitionId == definitionId);
}
