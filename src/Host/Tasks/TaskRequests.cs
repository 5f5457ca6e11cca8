using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace AfterSales.Host.Tasks;

// The bodies as the OpenAPI document describes them; TaskEndpoints reads them with FieldReader so refusals keep
// naming the field by its JSON path.

/// <summary><c>POST /api/tasks/{taskId}/claim</c>: the body may be absent.</summary>
internal sealed record ClaimTaskRequest
{
    /// <summary>Who claims; only a supervisor may name someone other than the caller.</summary>
    [MaxLength(100)] public string? User { get; init; }
}

/// <summary><c>POST /api/tasks/{taskId}/complete</c>.</summary>
internal sealed record CompleteTaskRequest
{
    /// <summary>One of the task's outcomes.</summary>
    [MaxLength(200)] public required string Outcome { get; init; }
    [MaxLength(100)] public string? User { get; init; }
    /// <summary>The task's form, as its JSON schema (GET /api/forms/{name}) describes it.</summary>
    public JsonObject? Form { get; init; }
}
