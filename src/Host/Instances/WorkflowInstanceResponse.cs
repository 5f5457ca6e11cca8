using System.Text.Json.Nodes;
using AfterSales.Persistence.Instances;
using AfterSales.Workflows;

namespace AfterSales.Host.Instances;

/// <summary>An instance as a runtime call left it: its summary and its whole state (variables, bookmarks, incidents).</summary>
internal sealed record WorkflowInstanceResponse(InstanceSummary Summary, WorkflowInstance State)
{
    public static WorkflowInstanceResponse From(WorkflowInstance i) =>
        new(new InstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status.ToString(), i.CorrelationId, i.CreatedAt, i.UpdatedAt, i.FinishedAt), i);
}

/// <summary>Starts the published version of a definition, or <see cref="Version"/> when given.</summary>
internal sealed record StartInstanceRequest(string? DefinitionId, int? Version = null, JsonObject? Input = null, string? CorrelationId = null);
