using System.Diagnostics;
using System.Text.Json.Nodes;
using AfterSales.Activities;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>
/// Issue 2's engine benchmark: a 10-activity flowchart with one human task, run in memory from start to the
/// task's bookmark and from its resume to the end, on one thread. Prints runs per second and bytes per run.
/// </summary>
internal static class EngineBenchmark
{
    public static async Task RunAsync(TimeSpan duration)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAfterSalesWorkflows().AddCoreActivities().UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();
        var compiler = provider.GetRequiredService<WorkflowCompiler>();
        var runner = provider.GetRequiredService<WorkflowRunner>();

        Console.WriteLine("engine, in memory, one thread: 10 activities, one human task (start→bookmark, resume→end)");
        await Measure("literal inputs", runner, compiler.Compile(Flow(js: false)), duration);
        await Measure("JavaScript decision", runner, compiler.Compile(Flow(js: true)), duration);

        var store = provider.GetRequiredService<InMemoryWorkflowStore>();
        var definition = Flow(js: false);
        store.Publish(definition);
        await MeasureRuntime(provider.GetRequiredService<WorkflowRuntime>(), definition.DefinitionId, duration);
    }

    /// <summary>Start, SetVariable ×3, Decision, Log, HumanTask | SetVariable, Log, End: ten activities.</summary>
    internal static WorkflowDefinition Flow(bool js) => new WorkflowBuilder("bench")
        .Variable("customer", "String").Variable("hosts", "Number", 0).Variable("approved", "String").Variable("note", "String")
        .Activity("start", "Start")
        .Activity("v1", "SetVariable", ("variable", ExpressionSpec.Of("customer")), ("value", ExpressionSpec.Of("ACME")))
        .Activity("v2", "SetVariable", ("variable", ExpressionSpec.Of("hosts")), ("value", ExpressionSpec.Of(3)))
        .Activity("v3", "SetVariable", ("variable", ExpressionSpec.Of("note")), ("value", ExpressionSpec.Of("received")))
        .Activity("small", "Decision", ("condition", js ? ExpressionSpec.Js("variables.hosts < 5") : ExpressionSpec.Of(true)))
        .Activity("log1", "Log", ("message", ExpressionSpec.Of("triaged")))
        .Activity("task", "HumanTask", [("role", ExpressionSpec.Of("aftersales")), ("title", ExpressionSpec.Of("Repair")),
            ("outcomes", ExpressionSpec.Of(new JsonArray("Approve", "Reject")))], [("outcome", "approved")])
        .Activity("v4", "SetVariable", ("variable", ExpressionSpec.Of("note")), ("value", ExpressionSpec.Of("repaired")))
        .Activity("log2", "Log", ("message", ExpressionSpec.Of("closing")))
        .Activity("end", "End")
        .Connect("start", "v1").Connect("v1", "v2").Connect("v2", "v3").Connect("v3", "small")
        .Connect("small", "True", "log1").Connect("small", "False", "log1").Connect("log1", "task")
        .Connect("task", "Approve", "v4").Connect("task", "Reject", "v4").Connect("v4", "log2").Connect("log2", "end")
        .Build();

    private static readonly JsonObject Approve = new() { ["outcome"] = "Approve" };

    private static async Task Measure(string label, WorkflowRunner runner, CompiledWorkflow workflow, TimeSpan duration)
    {
        async Task OneRun()
        {
            var instance = runner.CreateInstance(workflow);
            await runner.StartAsync(workflow, instance);
            var result = await runner.ResumeAsync(workflow, instance, instance.Bookmarks[0].Id, Approve);
            if (instance.Status != WorkflowStatus.Completed || result.Journal.Count != 4) throw new InvalidOperationException("the run did not complete");
        }

        for (var i = 0; i < 20_000; i++) await OneRun(); // warm-up: tiered JIT, Jint caches
        var runs = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 1000; i++) await OneRun();
            runs += 1000;
        }
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine($"  {label,-22} {runs / clock.Elapsed.TotalSeconds,10:N0} runs/s  {clock.Elapsed.TotalMilliseconds * 1000 / runs,8:N1} µs/run  {allocated / runs,8:N0} B/run");
    }

    private static async Task MeasureRuntime(WorkflowRuntime runtime, string definitionId, TimeSpan duration)
    {
        async Task OneRun()
        {
            var started = await runtime.StartAsync(definitionId);
            var instance = started.Instance!;
            var done = await runtime.ResumeAsync(instance.Id, instance.Bookmarks[0].Id, Approve);
            if (done.Instance!.Status != WorkflowStatus.Completed) throw new InvalidOperationException("the run did not complete");
        }

        for (var i = 0; i < 5_000; i++) await OneRun();
        var runs = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 500; i++) await OneRun();
            runs += 500;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine($"  {"runtime + JSON state",-22} {runs / clock.Elapsed.TotalSeconds,10:N0} runs/s  {clock.Elapsed.TotalMilliseconds * 1000 / runs,8:N1} µs/run  {allocated / runs,8:N0} B/run  (in-memory store: state serialised and parsed per burst)");
    }
}
