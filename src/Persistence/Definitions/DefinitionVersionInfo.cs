namespace AfterSales.Persistence.Definitions;

/// <summary>What the designer shows of one stored version, without its JSON.</summary>
/// <param name="State"><c>draft</c> (never published), <c>published</c> (new instances start on it) or <c>retired</c>
/// (was published; a newer version replaced it or it was retracted; its instances run on).</param>
/// <param name="Revision">Counts the writes to this version (a draft saved in place, its publishing): part of the ETag.</param>
public sealed record DefinitionVersionInfo(
    string DefinitionId,
    int Version,
    string Name,
    string? Description,
    bool IsPublished,
    bool IsLatest,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    string State,
    int Revision,
    string? CreatedBy,
    DateTimeOffset ChangedAt,
    string? ChangedBy,
    string? PublishedBy);

/// <summary>A definition as the workflow list shows it: its latest version, with what is published and running.</summary>
/// <param name="PublishedVersion">The version new instances start on; null when none is (never published, or retracted).</param>
/// <param name="HasDraft">The latest version is a draft newer than what is published.</param>
/// <param name="RunningInstances">Instances of any version not finished (running, suspended or faulted).</param>
/// <param name="Etag">The definition's current entity tag, for <c>If-Match</c> on save, publish and retract.</param>
public sealed record DefinitionSummary(
    string DefinitionId,
    int Version,
    string Name,
    string? Description,
    bool IsPublished,
    bool IsLatest,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset ChangedAt,
    string? ChangedBy,
    int? PublishedVersion,
    bool HasDraft,
    int RunningInstances,
    string Etag);

/// <summary>
/// Who writes and what they last read: <paramref name="Actor"/> is recorded as the author; with <paramref name="IfMatch"/>
/// the write happens only while the definition's ETag is still that one; <paramref name="MustBeNew"/> refuses a
/// definition id that exists (saving as a copy must not overwrite another workflow).
/// </summary>
public sealed record DefinitionWrite(string? Actor = null, string? IfMatch = null, bool MustBeNew = false);

/// <summary>The definition changed since the writer read it: its <c>If-Match</c> is stale.</summary>
public sealed class DefinitionChangedException(string definitionId, string currentETag, DateTimeOffset changedAt, string? changedBy)
    : Exception($"workflow definition '{definitionId}' was changed{(changedBy is null ? "" : $" by {changedBy}")} at {changedAt:u} "
        + "after you loaded it")
{
    public string DefinitionId { get; } = definitionId;
    public string CurrentETag { get; } = currentETag;
    public DateTimeOffset ChangedAt { get; } = changedAt;
    public string? ChangedBy { get; } = changedBy;
}

/// <summary>A definition that had to be new (saved as a copy) has an id that is taken.</summary>
public sealed class DefinitionExistsException(string definitionId)
    : Exception($"a workflow definition '{definitionId}' exists already: choose another id")
{
    public string DefinitionId { get; } = definitionId;
}
