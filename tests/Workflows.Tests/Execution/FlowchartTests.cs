using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Tests.Execution;

public sealed class FlowchartTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddTestActivities());

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Loop_RunsItsBodyUntilTheConditionTurnsFalse()
    {
        var definition = new WorkflowBuilder("loop").Variable("i", "Number", 0)
            .Activity("start", "Start")
            .Activity("inc", "SetVariable", Expr.Lit("variable", "i"), Expr.Js("value", "variables.i + 1"))
            .Activity("again", "Decision", Expr.Js("condition", "variables.i < 5"))
            .Connect("start", "inc").Connect("inc", "again").Connect("again", "True", "inc").Build();

        var instance = await _engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(5, instance.Variables["i"]!.GetValue<int>());
        Assert.Equal(11, (await _engine.JournalAsync(instance.Id)).Count); // start + 5 × (inc + again)
    }

    [Fact]
    public async Task Loop_WithoutAWait_FaultsAfterTheStepLimit_InsteadOfSpinningForever()
    {
        using var engine = new TestEngine(b => b.AddTestActivities(), o => o.MaxStepsPerBurst = 50);
        var definition = new WorkflowBuilder("spin").Activity("start", "Start")
            .Activity("a", "Log", Expr.Lit("message", "a")).Activity("b", "Log", Expr.Lit("message", "b"))
            .Connect("start", "a").Connect("a", "b").Connect("b", "a").Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("more than 50 activity executions", Assert.Single(instance.Incidents).Message);
    }

    [Fact]
    public void Start_RefusesInputThatMissesARequiredField()
    {
        var definition = new WorkflowBuilder("needs").Input("caseNumber", "String", required: true).Activity("start", "Start").Build();
        var compiled = _engine.Compile(definition);

        var e = Assert.Throws<AfterSales.Workflows.Execution.WorkflowInputException>(() => _engine.Runner.CreateInstance(compiled, new JsonObject()));

        Assert.Equal("caseNumber", e.Field);
    }

    [Fact]
    public async Task Start_LetsAnInputOverrideAVariableOfTheSameName_DeclaredAnInput()
    {
        var definition = new WorkflowBuilder("override").Variable("firstResponseDue", "Duration", "PT24H", isInput: true).Activity("start", "Start")
            .Activity("wait", "Delay", Expr.Js("duration", "variables.firstResponseDue")).Connect("start", "wait").Build();

        var instance = await _engine.StartAsync(definition, new JsonObject { ["firstResponseDue"] = "10s" });

        Assert.Equal(_engine.Time.GetUtcNow().AddSeconds(10), Assert.Single(instance.Bookmarks).DueAt);
    }
}
