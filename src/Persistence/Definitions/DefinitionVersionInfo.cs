namespace AfterSales.Persistence.Definitions;

/// <summary>What the designer shows of one stored version, without its JSON.</summary>
public sealed record DefinitionVersionInfo(
    string DefinitionId,
    int Version,
    string Name,
    string? Description,
    bool IsPublished,
    bool IsLatest,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt);
