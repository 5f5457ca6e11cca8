using System.Text.Json.Nodes;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Persistence.Tests.Infrastructure;

/// <summary>Small real workflows for the store's tests.</summary>
internal static class TestWorkflows
{
    public const string Signal = "customer-replied";

    /// <summary>Start → wait for <see cref="Signal"/> (keyed by the correlation id) → end with <paramref name="output"/>, which tells versions apart.</summary>
    public static WorkflowDefinition WaitsForReply(string definitionId, string output = "v1") => new WorkflowBuilder(definitionId, "Wait for the customer")
        .Activity("start", "Start")
        .Activity("wait", "WaitForSignal", ("signal", ExpressionSpec.Of(Signal)))
        .Activity("end", "End", ("output", ExpressionSpec.Of(output)))
        .Connect("start", "wait").Connect("wait", "end")
        .Build();

    /// <summary>Start → wait <paramref name="duration"/> → end.</summary>
    public static WorkflowDefinition Waits(string definitionId, string duration) => new WorkflowBuilder(definitionId)
        .Activity("start", "Start")
        .Activity("delay", "Delay", ("duration", ExpressionSpec.Of(duration)))
        .Activity("end", "End")
        .Connect("start", "delay").Connect("delay", "end")
        .Build();

    /// <summary>Announces "received", waits for <see cref="Signal"/>, announces "replied".</summary>
    public static WorkflowDefinition Announces(string definitionId) => new WorkflowBuilder(definitionId)
        .Activity("start", "Start")
        .Activity("received", "Announce", ("text", ExpressionSpec.Of("received")))
        .Activity("wait", "WaitForSignal", ("signal", ExpressionSpec.Of(Signal)))
        .Activity("replied", "Announce", ("text", ExpressionSpec.Of("replied")))
        .Connect("start", "received").Connect("received", "wait").Connect("wait", "replied")
        .Build();

    /// <summary>Faults at its second step: it sets a variable it never declared.</summary>
    public static WorkflowDefinition Faults(string definitionId) => new WorkflowBuilder(definitionId)
        .Activity("start", "Start")
        .Activity("set", "SetVariable", ("variable", ExpressionSpec.Of("undeclared")), ("value", ExpressionSpec.Of(1)))
        .Connect("start", "set")
        .Build();

    /// <summary>Not valid: its connection leads to an activity that does not exist.</summary>
    public static WorkflowDefinition Invalid(string definitionId) => new WorkflowBuilder(definitionId)
        .Activity("start", "Start")
        .Connect("start", "nowhere")
        .Build();

    public static JsonObject Reply(string text = "thanks") => new() { ["text"] = text };
}
