using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Workflows.Tests.Execution;

public sealed class BookmarkTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddTestActivities());

    public void Dispose() => _engine.Dispose();

    internal static WorkflowDefinition Approval() => new WorkflowBuilder("approval")
        .Variable("count", "Number", 0)
        .Activity("start", "Start")
        .Activity("task", "HumanTask", Expr.Lit("role", "gm"), Expr.Lit("title", "Approve"), Expr.Lit("outcomes", Expr.List("Approve", "Reject")))
        .Activity("count", "SetVariable", Expr.Lit("variable", "count"), Expr.Js("value", "variables.count + 1"))
        .Connect("start", "task").Connect("task", "Approve", "count").Build();

    [Fact]
    public async Task Resume_OfAConsumedBookmark_DoesNothing_AndSaysSo()
    {
        var instance = await _engine.StartAsync(Approval());
        var bookmark = Assert.Single(instance.Bookmarks);
        await _engine.Runtime.ResumeAsync(instance.Id, bookmark.Id, new JsonObject { ["outcome"] = "Approve" });
        var journalBefore = (await _engine.JournalAsync(instance.Id)).Count;

        var again = await _engine.Runtime.ResumeAsync(instance.Id, bookmark.Id, new JsonObject { ["outcome"] = "Approve" });

        Assert.Equal(RunOutcome.BookmarkNotFound, again.Outcome);
        Assert.Contains("already consumed", again.Message);
        var now = await _engine.ReloadAsync(instance.Id);
        Assert.Equal(1, now.Variables["count"]!.GetValue<int>());
        Assert.Equal(journalBefore, (await _engine.JournalAsync(instance.Id)).Count);
    }

    [Fact]
    public async Task Resume_RunsOnce_WhenManyThreadsResumeTheSameBookmark()
    {
        var instance = await _engine.StartAsync(Approval());
        var bookmark = Assert.Single(instance.Bookmarks);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            _engine.Runtime.ResumeAsync(instance.Id, bookmark.Id, new JsonObject { ["outcome"] = "Approve" }))));

        Assert.Single(results, r => r.Outcome == RunOutcome.Ran);
        Assert.Equal(15, results.Count(r => r.Outcome == RunOutcome.BookmarkNotFound));
        Assert.Equal(1, (await _engine.ReloadAsync(instance.Id)).Variables["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Resume_OfAnUnknownInstance_AnswersInstanceNotFound()
    {
        var result = await _engine.Runtime.ResumeAsync("nope", "nope");

        Assert.Equal(RunOutcome.InstanceNotFound, result.Outcome);
    }

    [Fact]
    public async Task Resume_ContinuesFromStateThatWentThroughJson()
    {
        var compiled = _engine.Compile(Approval());
        var instance = _engine.Runner.CreateInstance(compiled);
        await _engine.Runner.StartAsync(compiled, instance);

        var reloaded = WorkflowStateJson.Deserialize(WorkflowStateJson.Serialize(instance));
        var result = await _engine.Runner.ResumeAsync(compiled, reloaded, reloaded.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Approve" });

        Assert.Equal(RunOutcome.Ran, result.Outcome);
        Assert.Equal(WorkflowStatus.Completed, reloaded.Status);
        Assert.Equal(1, reloaded.Variables["count"]!.GetValue<int>());
        Assert.Equal(WorkflowStateJson.Serialize(reloaded), WorkflowStateJson.Serialize(WorkflowStateJson.Deserialize(WorkflowStateJson.Serialize(reloaded))));
    }

    [Fact]
    public async Task RunResult_ReportsCreatedAndRemovedBookmarks_ForTheStoreIndex()
    {
        var compiled = _engine.Compile(Approval());
        var instance = _engine.Runner.CreateInstance(compiled);

        var started = await _engine.Runner.StartAsync(compiled, instance);
        var resumed = await _engine.Runner.ResumeAsync(compiled, instance, instance.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Reject" });

        var created = Assert.Single(started.CreatedBookmarks);
        Assert.Equal([created.Id], resumed.RemovedBookmarkIds);
        Assert.Empty(resumed.CreatedBookmarks);
    }
}
