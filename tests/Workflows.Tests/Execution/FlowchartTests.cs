using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Tests.Execution;

public sealed class FlowchartTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private static (string, ExpressionSpec)[] Task(string title, params string[] outcomes) =>
        [Expr.Lit("role", "aftersales"), Expr.Lit("title", title), Expr.Lit("outcomes", Expr.List(outcomes.Length == 0 ? ["Done"] : outcomes))];

    private static WorkflowBuilder Path(string id) => new WorkflowBuilder(id).Variable("path", "String", "").Activity("start", "Start");

    private static (string, ExpressionSpec) Append(string step) => Expr.Js("value", $"variables.path + '{step};'");

    [Theory]
    [InlineData(3, "small;")]
    [InlineData(30, "large;")]
    public async Task Decision_TakesTheBranchItsConditionNames(int hosts, string expected)
    {
        var definition = Path("decision").Input("hosts", "Number")
            .Activity("d", "Decision", Expr.Js("condition", "input.hosts < 5"))
            .Activity("small", "SetVariable", Expr.Lit("variable", "path"), Append("small"))
            .Activity("large", "SetVariable", Expr.Lit("variable", "path"), Append("large"))
            .Connect("start", "d").Connect("d", "True", "small").Connect("d", "False", "large").Build();

        var instance = await _engine.StartAsync(definition, new JsonObject { ["hosts"] = hosts });

        Assert.Empty(instance.Incidents);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(expected, instance.Variables["path"]!.GetValue<string>());
    }

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
        using var engine = new TestEngine(options: o => o.MaxStepsPerBurst = 50);
        var definition = new WorkflowBuilder("spin").Activity("start", "Start")
            .Activity("a", "Log", Expr.Lit("message", "a")).Activity("b", "Log", Expr.Lit("message", "b"))
            .Connect("start", "a").Connect("a", "b").Connect("b", "a").Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("more than 50 activity executions", Assert.Single(instance.Incidents).Message);
    }

    [Fact]
    public async Task JoinWaitAll_ContinuesOnce_AfterEveryBranchArrived()
    {
        var definition = Path("fork")
            .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("Repair", "Quote")))
            .Activity("repair", "HumanTask", Task("Repair"))
            .Activity("quote", "HumanTask", Task("Quote"))
            .Activity("join", "Join", Expr.Lit("mode", "WaitAll"))
            .Activity("after", "SetVariable", Expr.Lit("variable", "path"), Append("after"))
            .Connect("start", "fork").Connect("fork", "Repair", "repair").Connect("fork", "Quote", "quote")
            .Connect("repair", "join").Connect("quote", "join").Connect("join", "after").Build();

        var instance = await _engine.StartAsync(definition);
        Assert.Equal(2, instance.Bookmarks.Count);

        var first = await _engine.Runtime.ResumeAsync(instance.Id, instance.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Done" });
        Assert.Equal(WorkflowStatus.Suspended, first.Instance!.Status);
        Assert.Equal("", first.Instance.Variables["path"]!.GetValue<string>());

        var second = await _engine.Runtime.ResumeAsync(instance.Id, instance.Bookmarks[1].Id, new JsonObject { ["outcome"] = "Done" });
        Assert.Equal(WorkflowStatus.Completed, second.Instance!.Status);
        Assert.Equal("after;", second.Instance.Variables["path"]!.GetValue<string>());
        Assert.Empty(second.Instance.JoinArrivals["join"]);
    }

    [Fact]
    public async Task JoinWaitAny_ContinuesOnTheFirstArrival_AndCancelsTheOtherBranch()
    {
        var definition = Path("race")
            .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("Reply", "Timeout")))
            .Activity("reply", "HumanTask", Task("Reply"))
            .Activity("timeout", "Delay", Expr.Lit("duration", "PT24H"))
            .Activity("join", "Join", Expr.Lit("mode", "WaitAny"))
            .Activity("after", "SetVariable", Expr.Lit("variable", "path"), Append("after"))
            .Connect("start", "fork").Connect("fork", "Reply", "reply").Connect("fork", "Timeout", "timeout")
            .Connect("reply", "join").Connect("timeout", "join").Connect("join", "after").Build();
        var instance = await _engine.StartAsync(definition);

        var task = instance.Bookmarks.Single(b => b.Name == "HumanTask");
        var result = await _engine.Runtime.ResumeAsync(instance.Id, task.Id, new JsonObject { ["outcome"] = "Done" });

        Assert.Equal(WorkflowStatus.Completed, result.Instance!.Status);
        Assert.Equal("after;", result.Instance.Variables["path"]!.GetValue<string>());
        _engine.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(0, await _engine.Runtime.ResumeDueTimersAsync(_engine.Time.GetUtcNow()));
    }

    [Fact]
    public async Task Switch_FollowsTheCaseNamedByTheValue()
    {
        var definition = Path("switch").Input("sets", "Number")
            .Activity("s", "Switch", Expr.Js("value", "input.sets < 10 ? 'Small' : 'Large'"), Expr.Lit("cases", Expr.List("Small", "Large")))
            .Activity("small", "SetVariable", Expr.Lit("variable", "path"), Append("small"))
            .Activity("large", "SetVariable", Expr.Lit("variable", "path"), Append("large"))
            .Connect("start", "s").Connect("s", "Small", "small").Connect("s", "Large", "large").Build();

        var small = await _engine.StartAsync(definition, new JsonObject { ["sets"] = 9 });
        var large = await _engine.StartAsync(definition, new JsonObject { ["sets"] = 10 });

        Assert.Equal("small;", small.Variables["path"]!.GetValue<string>());
        Assert.Equal("large;", large.Variables["path"]!.GetValue<string>());
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
