using System.Text.Json.Serialization;
using AfterSales.Workflows;

namespace AfterSales.Persistence.Instances;

public sealed record InstanceSummary(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    string Status,
    string? CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>What to list: every given criterion must match. <see cref="Status"/> is a <see cref="WorkflowStatus"/> name, in any case.</summary>
public sealed record InstanceFilter(string? DefinitionId = null, string? Status = null, string? CorrelationId = null, int Page = 1, int PageSize = 50);

/// <summary>
/// One page of a list; <see cref="Total"/> counts every match, on all pages. The page number cannot be a member named
/// <c>Page</c> (C# forbids a member named as its type), so it is <see cref="PageNumber"/>, still <c>page</c> in JSON.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: JsonPropertyName("page")] int PageNumber, int PageSize, long Total);

/// <summary>An instance with its whole state; bookmarks and incidents are the state's, the journal is read from its table.</summary>
public sealed record InstanceDetails(
    InstanceSummary Summary,
    WorkflowInstance State,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<Incident> Incidents);
