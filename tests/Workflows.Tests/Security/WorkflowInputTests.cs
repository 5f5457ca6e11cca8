using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Workflows.Tests.Security;

/// <summary>
/// Issue 7, finding 1: an input named like a variable overrode it (recipients, delays, thresholds). Inputs may set only the
/// variables a definition declares as inputs; any other key is refused before anything is made.
/// </summary>
public sealed class WorkflowInputTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddTestActivities());

    public void Dispose() => _engine.Dispose();

    // Shaped like return_visit: a delay its parent passes, and a recipient list nobody may set from outside.
    private static WorkflowDefinition Visit() => new WorkflowBuilder("visit")
        .Input("caseNumber", "String")
        .Variable("returnVisitDelay", "Duration", "PT2H", isInput: true)
        .Variable("reminderTo", "StringList", Expr.List("owner"))
        .Activity("start", "Start")
        .Activity("wait", "Delay", Expr.Js("duration", "variables.returnVisitDelay"))
        .Connect("start", "wait")
        .Build();

    [Fact]
    public async Task Start_RefusesAnInput_ThatNamesAVariableNotDeclaredAnInput()
    {
        _engine.Store.Publish(Visit());

        var e = await Assert.ThrowsAsync<WorkflowInputException>(() => _engine.Runtime.StartAsync("visit",
            new JsonObject { ["caseNumber"] = "AS-1", ["reminderTo"] = new JsonArray("attacker@evil.example") }, "case-1"));

        Assert.Equal("reminderTo", e.Field);
        Assert.Contains("not declared an input", e.Message);
        Assert.Empty(await _engine.Store.FindBookmarksAsync("Timer", null));
    }

    [Fact]
    public async Task Start_RefusesAnInput_TheDefinitionDoesNotDeclare()
    {
        _engine.Store.Publish(Visit());

        var e = await Assert.ThrowsAsync<WorkflowInputException>(() => _engine.Runtime.StartAsync("visit", new JsonObject { ["customerName"] = "x" }));

        Assert.Equal(("customerName", "input 'customerName': 'visit' has no input 'customerName'"), (e.Field, e.Message));
    }

    [Fact]
    public async Task Start_SetsAVariableDeclaredAnInput_FromTheInputOfItsName()
    {
        var instance = await _engine.StartAsync(Visit(), new JsonObject { ["returnVisitDelay"] = "10s" });

        Assert.Equal(_engine.Time.GetUtcNow().AddSeconds(10), Assert.Single(instance.Bookmarks).DueAt);
        Assert.Equal("""["owner"]""", instance.Variables["reminderTo"]!.ToJsonString());
    }

    [Fact]
    public async Task Start_RefusesAnInputVariable_OfTheWrongType()
    {
        _engine.Store.Publish(Visit());

        var e = await Assert.ThrowsAsync<WorkflowInputException>(() => _engine.Runtime.StartAsync("visit", new JsonObject { ["returnVisitDelay"] = 5 }));

        Assert.Equal("returnVisitDelay", e.Field);
    }

    [Fact]
    public void WorkflowJson_KeepsTheInputFlag_OfAVariable()
    {
        var json = WorkflowJson.Serialize(Visit());

        Assert.Contains("\"isInput\": true", json);
        var read = WorkflowJson.Deserialize(json);
        Assert.Equal([true, false], read.Variables.Select(v => v.IsInput));
        Assert.Equal(json, WorkflowJson.Serialize(read));
    }
}
