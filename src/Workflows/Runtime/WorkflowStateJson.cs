using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Workflows.Runtime;

/// <summary>The instance state as JSON: what a store writes (PostgreSQL keeps it as <c>jsonb</c>).</summary>
public static class WorkflowStateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize(WorkflowInstance instance) => JsonSerializer.SerializeToUtf8Bytes(instance, Options);

    public static WorkflowInstance Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(json, Options) ?? throw new JsonException("the instance state is empty");

    public static WorkflowInstance Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(json, Options) ?? throw new JsonException("the instance state is empty");
}
