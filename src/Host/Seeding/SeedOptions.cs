namespace AfterSales.Host.Seeding;

/// <summary>Where the workflows imported on first start come from (configuration section <c>Workflows</c>).</summary>
internal sealed class SeedOptions
{
    public const string Section = "Workflows";
    public const string DefaultFolderName = "workflows-json";

    /// <summary>
    /// The folder of <c>*.json</c> workflows, relative to the content root when not absolute. Unset: the first
    /// <c>workflows-json</c> folder found in the content root or a folder above it.
    /// </summary>
    public string? SeedFolder { get; set; }
}
