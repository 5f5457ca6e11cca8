using System.Text.Json.Nodes;

namespace AfterSales.Workflows;

/// <summary>
/// A pending wait of an instance. Resuming it consumes it: a bookmark is resumed at most once.
/// <see cref="ChildInstanceId"/> is set for a bookmark waiting on a child workflow: the child's id is chosen
/// when the bookmark is made, so starting the child is idempotent and recoverable.
/// </summary>
public sealed record Bookmark(
    string Id,
    string ActivityId,
    string ActivityType,
    string Name,
    string? Key,
    DateTimeOffset? DueAt,
    JsonObject? Payload,
    DateTimeOffset CreatedAt)
{
    public string? ChildDefinitionId { get; init; }
    public string? ChildInstanceId { get; init; }
    public JsonObject? ChildInput { get; init; }
}
