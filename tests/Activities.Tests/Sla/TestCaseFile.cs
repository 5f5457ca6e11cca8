using System.Text.Json.Nodes;
using AfterSales.Workflows;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Activities.Tests.Sla;

/// <summary>The <c>caseFile</c> global as Persistence provides it, set by the test: <c>{sla: {pausedSince, pausedTotal}}</c>.</summary>
internal sealed class TestCaseFile : IWorkflowGlobal
{
    private JsonObject _file = Sla(null, TimeSpan.Zero);

    public string Name => "caseFile";

    public JsonNode? Resolve(WorkflowInstance instance) => _file.DeepClone();

    public void Pause(DateTimeOffset? since, TimeSpan total) => _file = Sla(since, total);

    private static JsonObject Sla(DateTimeOffset? since, TimeSpan total) =>
        new() { ["sla"] = new JsonObject { ["pausedSince"] = since?.ToString("O"), ["pausedTotal"] = DurationFormat.Format(total) } };
}
