using System.Text.Json.Nodes;
using AfterSales.Activities.Composition;
using AfterSales.Activities.HumanTasks;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.Composition;

public sealed class RunWorkflowTests
{
    [Fact]
    public async Task RunWorkflow_StartsTheChild_AndWaitsForIt()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        engine.Store.Publish(InspectionChild());

        var parent = await engine.StartAsync(Parent("inspection"), correlationId: "RMA-1");

        Assert.Equal(WorkflowStatus.Suspended, parent.Status);
        var bookmark = Assert.Single(parent.Bookmarks);
        Assert.Equal((RunWorkflow.BookmarkName, "RMA-1", "inspection"), (bookmark.Name, bookmark.Key, bookmark.ChildDefinitionId));
        var child = await engine.ReloadAsync(bookmark.ChildInstanceId!);
        Assert.Equal(WorkflowStatus.Suspended, child.Status);
        Assert.Equal(("RMA-1", parent.Id, bookmark.Id), (child.CorrelationId, child.ParentInstanceId, child.ParentBookmarkId));
        JsonAssert.Equal("""{"sku":"X-100","quantity":2}""", child.Input);
        JsonAssert.Equal("\"Inspect 2 x X-100\"", Assert.Single(child.Bookmarks).Payload!["title"]);
    }

    [Fact]
    public async Task RunWorkflow_ContinuesWithTheChildsOutput_WhenTheChildsTaskIsCompleted()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        engine.Store.Publish(InspectionChild());
        var started = await engine.StartAsync(Parent("inspection"), correlationId: "RMA-1");
        var childId = started.Bookmarks[0].ChildInstanceId!;
        var task = Assert.Single((await engine.ReloadAsync(childId)).Bookmarks);

        var resumed = await engine.Runtime.ResumeAsync(childId, task.Id, new JsonObject { ["outcome"] = "Done", ["form"] = new JsonObject { ["ok"] = true } });

        Assert.True(resumed.Succeeded, resumed.Message);
        Assert.Equal(WorkflowStatus.Completed, (await engine.ReloadAsync(childId)).Status);
        var parent = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, parent.Status);
        JsonAssert.Equal("""{"sku":"X-100","ok":true}""", parent.Variables["inspection"]);
        JsonAssert.Equal("\"Done\"", parent.Variables["ended"]);
        Assert.Empty(await engine.Store.FindBookmarksAsync(RunWorkflow.BookmarkName, "RMA-1"));
    }

    [Fact]
    public async Task RunWorkflow_OfAChildThatEndsAtOnce_ContinuesWithinTheSameStart()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        engine.Store.Publish(new WorkflowBuilder("quick")
            .Input("sku", "String")
            .Input("quantity", "Number")
            .Activity("start", "Start")
            .Activity("end", "End", Expr.Js("output", "({ sku: input.sku })"))
            .Connect("start", "end")
            .Build());

        var started = await engine.StartAsync(Parent("quick"), correlationId: "RMA-1");

        var parent = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, parent.Status);
        JsonAssert.Equal("""{"sku":"X-100"}""", parent.Variables["inspection"]);
    }

    [Fact]
    public async Task RunWorkflow_TakesCancelled_WhenTheChildIsCancelled()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        engine.Store.Publish(InspectionChild());
        var started = await engine.StartAsync(Parent("inspection"), correlationId: "RMA-1");
        var childId = started.Bookmarks[0].ChildInstanceId!;

        Assert.True((await engine.Runtime.CancelAsync(childId)).Succeeded);

        Assert.Equal(WorkflowStatus.Cancelled, (await engine.ReloadAsync(childId)).Status);
        var parent = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, parent.Status);
        JsonAssert.Equal("\"Cancelled\"", parent.Variables["ended"]);
        Assert.Null(parent.Variables["inspection"]);
    }

    [Fact]
    public async Task RunWorkflow_OfADefinitionNotPublished_FaultsTheParentWithAnIncidentSayingSo()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var started = await engine.StartAsync(Parent("missing"), correlationId: "RMA-1");

        var parent = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Faulted, parent.Status);
        var incident = Assert.Single(parent.Incidents);
        Assert.Equal("run", incident.ActivityId);
        Assert.Contains("no published version of 'missing'", incident.Message);
        Assert.Null(parent.Variables["ended"]);
        Assert.Empty(parent.Bookmarks);
        // The runtime answers the parent as it is after the child's failed start, not as its own burst left it.
        Assert.Equal(WorkflowStatus.Faulted, started.Status);
    }

    [Fact]
    public async Task RunWorkflow_FaultedForAMissingChild_StartsTheChildOnRetry_OnceItIsPublished()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Parent("inspection"), correlationId: "RMA-1");
        engine.Store.Publish(InspectionChild());

        Assert.True((await engine.Runtime.RetryAsync(started.Id)).Succeeded);

        var parent = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Suspended, parent.Status);
        var child = await engine.ReloadAsync(Assert.Single(parent.Bookmarks).ChildInstanceId!);
        Assert.Equal(WorkflowStatus.Suspended, child.Status);
        Assert.Equal(HumanTask.BookmarkName, Assert.Single(child.Bookmarks).Name);
    }

    [Fact]
    public async Task RunWorkflow_OfAChildRefusingTheInput_FaultsTheParentWithTheReason()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        engine.Store.Publish(new WorkflowBuilder("needs-serial")
            .Input("serial", "String", required: true)
            .Activity("start", "Start")
            .Build());

        var started = await engine.StartAsync(Parent("needs-serial"), correlationId: "RMA-1");

        var parent = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Faulted, parent.Status);
        Assert.Contains("input 'serial': is required", Assert.Single(parent.Incidents).Message);
    }

    [Fact]
    public async Task ParentEndingOnAnotherBranch_CancelsTheChild()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        engine.Store.Publish(InspectionChild());
        var started = await engine.StartAsync(new WorkflowBuilder("parent-ends-early")
            .Activity("start", "Start")
            .Activity("fork", "Fork", Expr.Lit("branches", Expr.List("Inspect", "Close")))
            .Activity("run", "RunWorkflow", Expr.Lit("definitionId", "inspection"), Expr.Js("input", "({ sku: 'X-100', quantity: 1 })"))
            .Activity("closed", "WaitForSignal", Expr.Lit("signal", "case-closed"))
            .Activity("end", "End")
            .Connect("start", "fork")
            .Connect("fork", "Inspect", "run")
            .Connect("fork", "Close", "closed")
            .Connect("closed", "end")
            .Build(), correlationId: "RMA-1");
        var childId = Assert.Single(started.Bookmarks, b => b.Name == RunWorkflow.BookmarkName).ChildInstanceId!;

        Assert.Equal(1, await engine.Runtime.SignalAsync("case-closed", "RMA-1"));

        Assert.Equal(WorkflowStatus.Completed, (await engine.ReloadAsync(started.Id)).Status);
        var child = await engine.ReloadAsync(childId);
        Assert.Equal(WorkflowStatus.Cancelled, child.Status);
        Assert.Empty(await engine.Store.FindBookmarksAsync(HumanTask.BookmarkName, "RMA-1"));
    }

    private static WorkflowDefinition Parent(string childDefinitionId) => new WorkflowBuilder("parent")
        .Variable("sku", "String", "X-100")
        .Variable("inspection", "Object")
        .Variable("ended", "String")
        .Activity("start", "Start")
        .Activity("run", "RunWorkflow",
            [Expr.Lit("definitionId", childDefinitionId), Expr.Js("input", "({ sku: variables.sku, quantity: 2 })")],
            [("output", "inspection")])
        .Activity("done", "SetVariable", Expr.Lit("variable", "ended"), Expr.Lit("value", "Done"))
        .Activity("cancelled", "SetVariable", Expr.Lit("variable", "ended"), Expr.Lit("value", "Cancelled"))
        .Connect("start", "run")
        .Connect("run", "Done", "done")
        .Connect("run", "Cancelled", "cancelled")
        .Build();

    private static WorkflowDefinition InspectionChild() => new WorkflowBuilder("inspection")
        .Input("sku", "String", required: true)
        .Input("quantity", "Number")
        .Variable("form", "Object")
        .Activity("start", "Start")
        .Activity("inspect", "HumanTask",
            [Expr.Lit("role", "warehouse"), Expr.Liquid("title", "Inspect {{ input.quantity }} x {{ input.sku }}")],
            [("formData", "form")])
        .Activity("end", "End", Expr.Js("output", "({ sku: input.sku, ok: variables.form.ok })"))
        .Connect("start", "inspect")
        .Connect("inspect", "end")
        .Build();
}
