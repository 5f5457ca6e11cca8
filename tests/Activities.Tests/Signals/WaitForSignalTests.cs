using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Activities.Tests.Signals;

public sealed class WaitForSignalTests
{
    [Fact]
    public async Task Signal_WithTheRightNameAndKey_ResumesIt_AndStoresThePayloadInTheBoundVariable()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(WaitForReply(Expr.Js("correlationKey", "variables.ticket")), new JsonObject { ["ticket"] = "T-42" }, "RMA-1");
        Assert.Equal((SignalBookmark.Name("customer-replied"), "T-42"), (Assert.Single(started.Bookmarks).Name, started.Bookmarks[0].Key));

        var resumed = await engine.Runtime.SignalAsync("customer-replied", "T-42", new JsonObject { ["text"] = "Sent it back today" });

        Assert.Equal(1, resumed);
        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("""{"text":"Sent it back today"}""", instance.Variables["reply"]);
        JsonAssert.Equal("true", instance.Variables["after"]);
    }

    [Theory]
    [InlineData("customer-replied", "T-43")]
    [InlineData("goods-received", "T-42")]
    public async Task Signal_WithAnotherKeyOrName_ResumesNothing(string signal, string key)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(WaitForReply(Expr.Js("correlationKey", "variables.ticket")), new JsonObject { ["ticket"] = "T-42" });

        Assert.Equal(0, await engine.Runtime.SignalAsync(signal, key, new JsonObject { ["text"] = "hello" }));

        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.Single(instance.Bookmarks);
        Assert.Null(instance.Variables["reply"]);
        Assert.Equal(2, (await engine.JournalAsync(started.Id)).Count);
    }

    [Fact]
    public async Task Signal_WithoutAKeyInput_WaitsOnTheInstancesCorrelationId()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var first = await engine.StartAsync(WaitForReply(), correlationId: "RMA-1");
        var second = await engine.StartAsync(WaitForReply(), correlationId: "RMA-2");
        Assert.Equal("RMA-1", Assert.Single(first.Bookmarks).Key);

        Assert.Equal(1, await engine.Runtime.SignalAsync("customer-replied", "RMA-2", JsonValue.Create("yes")));

        Assert.Equal(WorkflowStatus.Suspended, (await engine.ReloadAsync(first.Id)).Status);
        var replied = await engine.ReloadAsync(second.Id);
        Assert.Equal(WorkflowStatus.Completed, replied.Status);
        JsonAssert.Equal("\"yes\"", replied.Variables["reply"]);
    }

    private static WorkflowDefinition WaitForReply(params (string, ExpressionSpec)[] key) => new WorkflowBuilder("wait-for-reply")
        .Variable("ticket", "String", isInput: true)
        .Variable("reply", "Any")
        .Variable("after", "Boolean", false)
        .Activity("start", "Start")
        .Activity("wait", "WaitForSignal", [Expr.Lit("signal", "customer-replied"), .. key], [("payload", "reply")])
        .Activity("after", "SetVariable", Expr.Lit("variable", "after"), Expr.Lit("value", true))
        .Connect("start", "wait")
        .Connect("wait", "after")
        .Build();
}
