using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AfterSales.Activities.ControlFlow;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Activities.Tests.ControlFlow;

public sealed class LogTests
{
    [Fact]
    public async Task Log_RecordsTheMessageRenderedFromLiquid_InTheJournal()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var instance = await engine.StartAsync(Logging("Information"), new JsonObject { ["customer"] = "ACME" });

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        var entry = Assert.Single(await engine.JournalAsync(instance.Id), e => e.ActivityId == "log");
        JsonAssert.Equal("\"Case RMA-1 for ACME\"", entry.Inputs!["message"]);
        JsonAssert.Equal("\"Information\"", entry.Inputs["level"]);
    }

    [Fact]
    public async Task Log_WritesTheMessageToTheApplicationLog_AtTheLevelGiven()
    {
        var logged = new CapturingLoggerProvider();
        using var engine = new TestEngine(b => b.AddCoreActivities().Services.AddSingleton<ILoggerProvider>(logged));

        var instance = await engine.StartAsync(Logging("Warning"), new JsonObject { ["customer"] = "ACME" });

        var entry = Assert.Single(logged.Entries, e => e.Category == typeof(Log).FullName);
        Assert.Equal((LogLevel.Warning, $"Workflow {instance.Id} log: Case RMA-1 for ACME"), (entry.Level, entry.Message));
    }

    private static WorkflowDefinition Logging(string level) => new WorkflowBuilder("log")
        .Input("customer", "String")
        .Variable("caseNumber", "String", "RMA-1")
        .Activity("start", "Start")
        .Activity("log", "Log", Expr.Liquid("message", "Case {{ variables.caseNumber }} for {{ input.customer }}"), Expr.Lit("level", level))
        .Connect("start", "log")
        .Build();

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
