using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Tests.Execution;

public sealed class JournalTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddTestActivities());

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task EveryExecution_IsRecordedWithItsInputsOutputsAndOutcome()
    {
        var instance = await _engine.StartAsync(BookmarkTests.Approval());
        _engine.Time.Advance(TimeSpan.FromMinutes(5));
        await _engine.Runtime.ResumeAsync(instance.Id, instance.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Approve", ["user"] = "gm" });

        var journal = await _engine.JournalAsync(instance.Id);

        Assert.Equal(["start", "task", "task", "count"], journal.Select(e => e.ActivityId));
        Assert.Equal([0L, 1, 2, 3], journal.Select(e => e.Sequence));
        Assert.Equal(["Executed", "Executed", "Resumed", "Executed"], journal.Select(e => e.Kind));
        Assert.Equal("Suspended:HumanTask", journal[1].Outcome);
        Assert.Equal("gm", journal[1].Inputs!["role"]!.GetValue<string>());
        Assert.Equal("Approve", journal[2].Outcome);
        Assert.Equal("Approve", journal[2].Outputs!["outcome"]!.GetValue<string>());
        Assert.Equal("gm", journal[2].Outputs!["completedBy"]!.GetValue<string>());
        Assert.Equal(_engine.Time.GetUtcNow(), journal[2].StartedAt);
        Assert.Equal(1, journal[3].Outputs is null ? 1 : 0);
    }

    [Fact]
    public async Task LargeValues_AreTruncatedInTheJournal_ButNotInTheVariable()
    {
        var definition = new WorkflowBuilder("big").Variable("text", "String").Activity("start", "Start")
            .Activity("set", "SetVariable", Expr.Lit("variable", "text"), Expr.Js("value", "'x'.repeat(5000)"))
            .Connect("start", "set").Build();

        var instance = await _engine.StartAsync(definition);

        var logged = (await _engine.JournalAsync(instance.Id))[1].Inputs!["value"]!.GetValue<string>();
        Assert.StartsWith(new string('x', 1024) + "…(truncated, 5000 characters)", logged);
        Assert.Equal(5000, instance.Variables["text"]!.GetValue<string>().Length);
    }
}
