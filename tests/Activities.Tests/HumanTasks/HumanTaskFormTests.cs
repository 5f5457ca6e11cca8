using System.Text.Json.Nodes;
using AfterSales.Activities.Tests.Forms;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Activities.Tests.HumanTasks;

/// <summary>A task that names a form takes only valid data of that form, and refuses anything else without changing anything.</summary>
public sealed class HumanTaskFormTests
{
    [Fact]
    public async Task Resume_WithValidFormData_CompletesTheTask_AndStoresTheData()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Requisition(), correlationId: "AS-1");

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, Payload(FormExamples.Get("MaterialRequisition")));

        Assert.True(resumed.Succeeded, resumed.Message);
        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal(FormExamples.Json["MaterialRequisition"], instance.Variables["requisition"]);
    }

    [Fact]
    public async Task Resume_RefusesDataThatDoesNotFitTheForm_NamingTheFieldsPath_AndChangesNothing()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Requisition(), correlationId: "AS-1");
        var journalBefore = await engine.JournalAsync(started.Id);
        var form = FormExamples.Get("MaterialRequisition");
        form["items"]![1]!["qty"] = 0;

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, Payload(form));

        Assert.Equal((RunOutcome.Rejected, "form.items[1].qty", "items[1].qty must be at least 1"), (resumed.Outcome, resumed.Field, resumed.Message));
        await AssertUnchangedAsync(engine, started, journalBefore);
    }

    [Fact]
    public async Task Resume_ReportsEveryProblem_AndNamesTheFirstField()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Requisition(), correlationId: "AS-1");
        var journalBefore = await engine.JournalAsync(started.Id);
        var form = FormExamples.Get("MaterialRequisition");
        form.Remove("purpose");
        form["colour"] = "red";

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, Payload(form));

        Assert.Equal((RunOutcome.Rejected, "form.purpose", "purpose is required; colour is not a field of this form"), (resumed.Outcome, resumed.Field, resumed.Message));
        await AssertUnchangedAsync(engine, started, journalBefore);
    }

    [Theory]
    [InlineData(null, "is required: fill in the MaterialRequisition")]
    [InlineData("\"two boards\"", "must be an object")]
    public async Task Resume_RefusesAMissingOrMalformedForm(string? formJson, string message)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Requisition(), correlationId: "AS-1");
        var journalBefore = await engine.JournalAsync(started.Id);

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, Payload(formJson is null ? null : JsonNode.Parse(formJson)));

        Assert.Equal((RunOutcome.Rejected, "form", message), (resumed.Outcome, resumed.Field, resumed.Message));
        await AssertUnchangedAsync(engine, started, journalBefore);
    }

    [Fact]
    public async Task Execute_OfATaskNamingAFormThatIsNone_Faults_ListingTheForms()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());

        var instance = await engine.StartAsync(Requisition("RequisitionForm"), correlationId: "AS-1");

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.StartsWith("'RequisitionForm' is not a known form; the forms are: CapaReport, ContractReview, MaterialRequisition,", Assert.Single(instance.Incidents).Message);
    }

    [Fact]
    public async Task Resume_OfATaskWithoutAForm_TakesAnyData()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(new WorkflowBuilder("no-form")
            .Variable("requisition", "Object")
            .Activity("start", "Start")
            .Activity("fill", "HumanTask", [Expr.Lit("role", "sales"), Expr.Lit("title", "Accept or reject")], [("formData", "requisition")])
            .Connect("start", "fill")
            .Build(), correlationId: "AS-1");

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, Payload(new JsonObject { ["reason"] = "out of warranty" }));

        Assert.True(resumed.Succeeded, resumed.Message);
        JsonAssert.Equal("""{"reason":"out of warranty"}""", (await engine.ReloadAsync(started.Id)).Variables["requisition"]);
    }

    private static JsonObject Payload(JsonNode? form) => new() { ["outcome"] = "Done", ["form"] = form, ["user"] = "li.gong" };

    private static async Task AssertUnchangedAsync(TestEngine engine, WorkflowInstance started, IReadOnlyList<JournalEntry> journalBefore)
    {
        var instance = await engine.ReloadAsync(started.Id);
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.Equal(started.Bookmarks[0].Id, Assert.Single(instance.Bookmarks).Id);
        Assert.Null(instance.Variables["requisition"]);
        Assert.Empty(instance.Incidents);
        Assert.Equal(journalBefore.Count, (await engine.JournalAsync(started.Id)).Count);
        Assert.Empty(engine.Store.GetEffects(started.Id));
    }

    private static WorkflowDefinition Requisition(string form = "MaterialRequisition") => new WorkflowBuilder("requisition")
        .Variable("requisition", "Object")
        .Activity("start", "Start")
        .Activity("fill", "HumanTask",
            [Expr.Lit("role", "repair"), Expr.Lit("title", "Fill in the material requisition"), Expr.Lit("form", form)],
            [("formData", "requisition")])
        .Connect("start", "fill")
        .Build();
}
