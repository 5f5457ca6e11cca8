using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.ControlFlow;

/// <summary>Decision, Switch, Fork and Join steering a flowchart on the engine (moved here from Workflows.Tests).</summary>
public sealed class BranchingTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddCoreActivities());

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
}
