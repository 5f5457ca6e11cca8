using System.Text.Json.Nodes;
using AfterSales.Activities.Tests.Forms;
using AfterSales.Cases.Tasks;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Activities.Tests.HumanTasks;

/// <summary>
/// Every accepted completion is recorded by the effect HumanTask emits, whatever route resumed it; a refused one names
/// each field it refuses, so the task endpoint can answer them all without checking anything itself.
/// </summary>
public sealed class TaskCompletedTests
{
    private static WorkflowDefinition Review(string? form = null)
    {
        (string, ExpressionSpec)[] inputs =
        [
            Expr.Lit("role", "sales"), Expr.Lit("title", "Accept or reject"), Expr.Lit("outcomes", Expr.List("Accept", "Reject")),
            Expr.Lit("reasonRequiredFor", Expr.List("Reject")),
        ];
        if (form is not null) inputs = [.. inputs, Expr.Lit("form", form)];
        return new WorkflowBuilder("review").Activity("start", "Start").Activity("review", "HumanTask", inputs)
            .Connect("start", "review").Build();
    }

    [Fact]
    public async Task Resume_EmitsTaskCompleted_WithTheWholeForm_TheReasonAndWhoCompletedIt()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Review(), correlationId: "RG-1");
        var taskId = started.Bookmarks[0].Id;
        engine.Time.Advance(TimeSpan.FromMinutes(5));
        // Longer than the journal keeps of a value (1,024 characters).
        var form = new JsonObject { ["reason"] = "past the return period", ["note"] = new string('x', 5000) };

        var resumed = await engine.Runtime.ResumeAsync(started.Id, taskId,
            new JsonObject { ["outcome"] = "Reject", ["form"] = form.DeepClone(), ["user"] = "zhang.min" });

        Assert.True(resumed.Succeeded, resumed.Message);
        var done = Assert.IsType<TaskCompleted>(Assert.Single(engine.Store.GetEffects(started.Id)));
        Assert.Equal((taskId, "Reject", "past the return period", "zhang.min", engine.Time.GetUtcNow()),
            (done.TaskId, done.Outcome, done.Reason, done.CompletedBy, done.At));
        JsonAssert.Equal(form.ToJsonString(), done.Form);
    }

    [Fact]
    public async Task Resume_WithAFormThatDoesNotFit_NamesEveryFieldWithItsMessages_AndEmitsNothing()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Review("MaterialRequisition"), correlationId: "RG-1");
        var form = FormExamples.Get("MaterialRequisition");
        form.Remove("purpose");
        form["items"]![1]!["qty"] = 0;

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id,
            new JsonObject { ["outcome"] = "Accept", ["form"] = form });

        Assert.Equal(RunOutcome.Rejected, resumed.Outcome);
        Assert.Equal(["form.items[1].qty", "form.purpose"], resumed.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["must be at least 1"], resumed.Errors["form.items[1].qty"]);
        Assert.Empty(engine.Store.GetEffects(started.Id));
    }
}
