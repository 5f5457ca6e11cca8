using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Activities.Tests.HumanTasks;

public sealed class HumanTaskReasonTests
{
    private static WorkflowDefinition Review() => new WorkflowBuilder("review")
        .Variable("review", "Object")
        .Activity("start", "Start")
        .Activity("review", "HumanTask",
            [Expr.Lit("role", "sales"), Expr.Lit("title", "Accept or reject"), Expr.Lit("outcomes", Expr.List("Accept", "Reject")),
             Expr.Lit("reasonRequiredFor", Expr.List("Reject"))],
            [("formData", "review")])
        .Connect("start", "review")
        .Build();

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Resume_RefusesAnOutcomeThatNeedsAReason_WithoutOne_AndLeavesTheTaskPending(string? reason)
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var started = await engine.StartAsync(Review(), correlationId: "RG-1");
        var form = reason is null ? new JsonObject() : new JsonObject { ["reason"] = reason };

        var resumed = await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Reject", ["form"] = form });

        Assert.Equal((RunOutcome.Rejected, "form.reason"), (resumed.Outcome, resumed.Field));
        Assert.Contains("Reject", resumed.Message);
        Assert.Single((await engine.ReloadAsync(started.Id)).Bookmarks);
    }

    [Fact]
    public async Task Resume_TakesAnOutcomeThatNeedsAReason_WhenOneIsGiven_AndOtherOutcomesWithoutOne()
    {
        using var engine = new TestEngine(b => b.AddCoreActivities());
        var rejected = await engine.StartAsync(Review(), correlationId: "RG-1");
        var accepted = await engine.StartAsync(Review(), correlationId: "RG-2");

        var reject = await engine.Runtime.ResumeAsync(rejected.Id, rejected.Bookmarks[0].Id,
            new JsonObject { ["outcome"] = "Reject", ["form"] = new JsonObject { ["reason"] = "超过退货期限 / past the return period" } });
        var accept = await engine.Runtime.ResumeAsync(accepted.Id, accepted.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Accept" });

        Assert.Equal(WorkflowStatus.Completed, reject.Instance!.Status);
        Assert.Equal("超过退货期限 / past the return period", reject.Instance.Variables["review"]!["reason"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Completed, accept.Instance!.Status);
    }
}
