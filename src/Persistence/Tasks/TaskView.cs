using System.Text.Json.Nodes;

namespace AfterSales.Persistence.Tasks;

public sealed record TaskView(
    string Id,
    string? CaseId,
    string? CaseNumber,
    string InstanceId,
    string ActivityId,
    string? Role,
    string? Assignee,
    string Title,
    string? Form,
    IReadOnlyList<string> Outcomes,
    DateTimeOffset? DueAt,
    string Status,
    string? ClaimedBy,
    DateTimeOffset? ClaimedAt,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    string? Outcome,
    JsonNode? FormData,
    DateTimeOffset CreatedAt);

/// <summary>What to list; every given criterion must match.</summary>
public sealed record TaskFilter(string? Role = null, string? Status = null, string? CaseId = null, string? Assignee = null, int Page = 1, int PageSize = 50);
