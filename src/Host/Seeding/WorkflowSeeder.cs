using AfterSales.Persistence.Definitions;
using AfterSales.Workflows.Definitions;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Seeding;

/// <summary>
/// Imports and publishes every workflow of the seed folder, on the first start only (no definitions yet): after that
/// the definitions belong to the process owners, whose edits must survive restarts.
/// </summary>
internal sealed class WorkflowSeeder(
    WorkflowDefinitionService definitions,
    DefinitionSeeding seeding,
    IOptions<SeedOptions> options,
    IHostEnvironment environment,
    ILogger<WorkflowSeeder> logger)
{
    /// <summary>Answers how many workflows were imported.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var imported = await seeding.SeedIfEmptyAsync(() => ImportFolderAsync(cancellationToken), cancellationToken);
        if (imported is { } count) return count;
        logger.LogDebug("Workflow definitions exist: the seed folder is not imported again");
        return 0;
    }

    private async Task<int> ImportFolderAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.SeedFolder is { } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : FindDefaultFolder(environment.ContentRootPath);
        if (folder is null || !Directory.Exists(folder))
        {
            logger.LogInformation("No seed folder ({Folder}): starting without workflow definitions", folder ?? SeedOptions.DefaultFolderName);
            return 0;
        }
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) logger.LogInformation("The seed folder {Folder} has no *.json workflows", folder);

        var imported = 0;
        foreach (var file in files)
        {
            try
            {
                var info = await definitions.ImportAsync(await File.ReadAllTextAsync(file, cancellationToken), publish: true, cancellationToken);
                logger.LogInformation("Imported and published {DefinitionId} version {Version} from {File}", info.DefinitionId, info.Version, file);
                imported++;
            }
            catch (Exception e) when (e is WorkflowJsonException or WorkflowValidationException)
            {
                // One broken file should not keep the Host, or the other workflows, from starting.
                logger.LogError("Seed workflow {File} was not imported: {Reason}", file, e.Message);
            }
        }
        return imported;
    }

    private static string? FindDefaultFolder(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, SeedOptions.DefaultFolderName);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
