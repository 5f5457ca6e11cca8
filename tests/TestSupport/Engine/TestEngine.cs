using System.Text.Json.Nodes;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AfterSales.TestSupport.Engine;

/// <summary>
/// The real engine with an in-memory store and a fake clock, and the activities <c>configure</c> adds: Activities.Tests
/// adds the core ones (<c>AddCoreActivities</c>), Workflows.Tests its own small stand-ins, so the engine is tested alone.
/// </summary>
public sealed class TestEngine : IDisposable
{
    public TestEngine(Action<WorkflowsBuilder>? configure = null, Action<WorkflowsOptions>? options = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        var builder = services.AddAfterSalesWorkflows(options).UseInMemoryStore();
        configure?.Invoke(builder);
        Services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    public ServiceProvider Services { get; }
    public WorkflowRuntime Runtime => Services.GetRequiredService<WorkflowRuntime>();
    public InMemoryWorkflowStore Store => Services.GetRequiredService<InMemoryWorkflowStore>();
    public WorkflowCompiler Compiler => Services.GetRequiredService<WorkflowCompiler>();
    public WorkflowRunner Runner => Services.GetRequiredService<WorkflowRunner>();

    public CompiledWorkflow Compile(WorkflowDefinition definition) => Compiler.Compile(definition);

    /// <summary>Publishes the definition and starts an instance of it through the durable runtime.</summary>
    public async Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, JsonObject? input = null, string? correlationId = null)
    {
        Compiler.Compile(definition); // fail fast with the validation problems
        Store.Publish(definition);
        var result = await Runtime.StartAsync(definition.DefinitionId, input, correlationId);
        Assert.True(result.Succeeded, result.Message);
        return result.Instance!;
    }

    public async Task<WorkflowInstance> ReloadAsync(string instanceId) => (await Store.FindAsync(instanceId))!;

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) => await Store.GetJournalAsync(instanceId);

    public void Dispose() => Services.Dispose();
}

public static class Expr
{
    public static (string, ExpressionSpec) Lit(string name, JsonNode? value) => (name, ExpressionSpec.Of(value));
    public static (string, ExpressionSpec) Js(string name, string code) => (name, ExpressionSpec.Js(code));
    public static (string, ExpressionSpec) Liquid(string name, string text) => (name, ExpressionSpec.Template(text));
    public static JsonArray List(params string[] items) => new(items.Select(i => (JsonNode?)i).ToArray());
}
