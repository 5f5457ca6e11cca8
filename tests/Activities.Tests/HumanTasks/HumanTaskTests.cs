using System.Text.Json.Nodes;
using AfterSales.Activities.HumanTasks;
using AfterSales.Activities.Tests.Forms;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Activities.Tests.HumanTasks;

public sealed class HumanTaskTests
{
    [Fact]
    public async Task Execute_SuspendsOnABookmarkWhosePayloadDescribesTheTask()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var instance = await engine.StartAsync(Approval(), new JsonObject { ["customer"] = "ACME" }, "RMA-1");

        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        var bookmark = Assert.Single(instance.Bookmarks);
        Assert.Equal(("approve", HumanTask.BookmarkName, "RMA-1"), (bookmark.ActivityId, bookmark.Name, bookmark.Key));
        Assert.Null(bookmark.DueAt); // information for the inbox, not a timer
        JsonAssert.Equal("""
            {
              "role": "aftersales",
              "user": "li.wei",
              "title": "Approve return RMA-1 for ACME",
              "form": "ReturnForm",
              "outcomes": ["Approve", "Reject"],
              "dueAt": "2026-11-24T09:00:00.0000000+00:00"
            }
            """, bookmark.Payload);
        Assert.Single(await engine.Store.FindBookmarksAsync(HumanTask.BookmarkName, "RMA-1"));
    }

    [Fact]
    public async Task Execute_WithoutUserFormOrDueTime_LeavesThemEmptyInThePayload()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var definition = new WorkflowBuilder("task-minimal")
            .Activity("start", "Start")
            .Activity("task", "HumanTask", Expr.Lit("role", "warehouse"), Expr.Lit("title", "Inspect the goods"))
            .Connect("start", "task")
            .Build();

        var instance = await engine.StartAsync(definition);

        JsonAssert.Equal("""
            {"role":"warehouse","user":null,"title":"Inspect the goods","form":null,"outcomes":["Done"],"dueAt":null}
            """, Assert.Single(instance.Bookmarks).Payload);
    }

    [Theory]
    [InlineData("Approve", "approved")]
    [InlineData("Reject", "rejected")]
    public async Task Resume_WithAnOfferedOutcome_TakesThatBranch_AndStoresOutcomeFormAndUser(string outcome, string result)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Approval(), new JsonObject { ["customer"] = "ACME" }, "RMA-1");

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, new JsonObject
        {
            ["outcome"] = outcome,
            ["form"] = FormExamples.Get("ReturnForm"),
            ["user"] = "zhang.min",
        });

        Assert.True(resumed.Succeeded, resumed.Message);
        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal($"\"{result}\"", instance.Variables["result"]);
        JsonAssert.Equal($"\"{outcome}\"", instance.Variables["decision"]);
        JsonAssert.Equal(FormExamples.Json["ReturnForm"], instance.Variables["form"]);
        JsonAssert.Equal("\"zhang.min\"", instance.Variables["completedBy"]);
        var entry = Assert.Single(await engine.JournalAsync(started.Id), e => e.ActivityId == "approve" && e.Kind == "Resumed");
        Assert.Equal(outcome, entry.Outcome);
        Assert.Empty(await engine.Store.FindBookmarksAsync(HumanTask.BookmarkName, "RMA-1"));
    }

    [Fact]
    public async Task Resume_RefusesAnOutcomeTheTaskDoesNotOffer_AndLeavesTheBookmarkPending()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Approval(), new JsonObject { ["customer"] = "ACME" }, "RMA-1");
        var journalBefore = await engine.JournalAsync(started.Id);

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Maybe", ["user"] = "zhang.min" });

        Assert.Equal((RunOutcome.Rejected, "outcome"), (resumed.Outcome, resumed.Field));
        Assert.Contains("'Maybe'", resumed.Message);
        await AssertUnchangedAsync(engine, started, journalBefore);
    }

    [Theory]
    [InlineData("""{"user":"zhang.min"}""", "outcome")]
    [InlineData("""{"outcome":42}""", "outcome")]
    [InlineData("""["Approve"]""", "outcome")]
    [InlineData("""{"outcome":"Approve","user":42}""", "user")]
    public async Task Resume_RefusesAMalformedPayload_AndLeavesTheBookmarkPending(string payload, string field)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Approval(), new JsonObject { ["customer"] = "ACME" }, "RMA-1");
        var journalBefore = await engine.JournalAsync(started.Id);

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, JsonNode.Parse(payload));

        Assert.Equal((RunOutcome.Rejected, field), (resumed.Outcome, resumed.Field));
        await AssertUnchangedAsync(engine, started, journalBefore);
    }

    [Fact]
    public async Task Resume_OfATaskAlreadyCompleted_AnswersBookmarkNotFound_AndChangesNothing()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Approval(), new JsonObject { ["customer"] = "ACME" }, "RMA-1");
        var bookmarkId = started.Bookmarks[0].Id;
        Assert.True((await engine.Runtime.ResumeAsync(started.Id, bookmarkId, new JsonObject { ["outcome"] = "Approve", ["form"] = FormExamples.Get("ReturnForm") })).Succeeded);
        var journalBefore = await engine.JournalAsync(started.Id);

        var again = await engine.Runtime.ResumeAsync(started.Id, bookmarkId, new JsonObject { ["outcome"] = "Reject" });

        Assert.Equal(RunOutcome.BookmarkNotFound, again.Outcome);
        var instance = await engine.ReloadAsync(started.Id);
        JsonAssert.Equal("\"approved\"", instance.Variables["result"]);
        Assert.Equal(journalBefore.Count, (await engine.JournalAsync(started.Id)).Count);
    }

    private static async Task AssertUnchangedAsync(TestEngine engine, WorkflowInstance started, IReadOnlyList<JournalEntry> journalBefore)
    {
        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.Equal(started.Bookmarks[0].Id, Assert.Single(instance.Bookmarks).Id);
        Assert.Single(await engine.Store.FindBookmarksAsync(HumanTask.BookmarkName, "RMA-1"));
        Assert.Empty(instance.Incidents);
        Assert.Null(instance.Variables["decision"]);
        Assert.Null(instance.Variables["completedBy"]);
        Assert.Equal(journalBefore.Count, (await engine.JournalAsync(started.Id)).Count);
    }

    private static WorkflowDefinition Approval() => new WorkflowBuilder("approval")
        .Input("customer", "String")
        .Variable("rma", "String", "RMA-1")
        .Variable("decision", "String")
        .Variable("form", "Object")
        .Variable("completedBy", "String")
        .Variable("result", "String")
        .Activity("start", "Start")
        .Activity("approve", "HumanTask",
            [
                Expr.Lit("role", "aftersales"),
                Expr.Lit("user", "li.wei"),
                Expr.Liquid("title", "Approve return {{ variables.rma }} for {{ input.customer }}"),
                Expr.Lit("form", "ReturnForm"),
                Expr.Lit("outcomes", Expr.List("Approve", "Reject")),
                Expr.Lit("dueIn", "PT24H"),
            ],
            [("outcome", "decision"), ("formData", "form"), ("completedBy", "completedBy")])
        .Activity("approved", "SetVariable", Expr.Lit("variable", "result"), Expr.Lit("value", "approved"))
        .Activity("rejected", "SetVariable", Expr.Lit("variable", "result"), Expr.Lit("value", "rejected"))
        .Connect("start", "approve")
        .Connect("approve", "Approve", "approved")
        .Connect("approve", "Reject", "rejected")
        .Build();
}
