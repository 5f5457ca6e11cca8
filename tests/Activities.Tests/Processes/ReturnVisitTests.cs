using System.Text.Json.Nodes;
using AfterSales.Cases.Escalations;
using AfterSales.Workflows;

namespace AfterSales.Activities.Tests.Processes;

public sealed class ReturnVisitTests
{
    [Fact]
    public async Task RemindsTheOwnerWhenTheCallFallsDue_AndEscalatesToTheManagerWhenItIsOverdue()
    {
        using var run = new CaseProcess();
        await StartAsync(run);

        await run.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(["owner"], run.MailRecipients);
        var call = Assert.Single(await run.OpenTasksAsync());
        Assert.Equal(("aftersales", run.StartedAt.AddHours(26).ToString("O")), (call.Role, call.DueAt));

        await run.AdvanceAsync(TimeSpan.FromHours(24));
        var escalated = Assert.Single(run.EffectsOf<CaseEscalated>());
        Assert.Equal((1, "return_visit_overdue"), (escalated.Level, escalated.Reason));
        Assert.Equal(["role:aftersales_manager"], escalated.To);
        Assert.Equal(["owner", "role:aftersales_manager"], run.MailRecipients);

        await run.CompleteAsync("aftersales", activity: "call", user: CaseData.Owner);
        Assert.Equal(WorkflowStatus.Completed, (await run.InstanceAsync()).Status);
        Assert.Equal($"Return visit call made by {CaseData.Owner}", run.Timeline[^1]);
    }

    [Fact]
    public async Task ACallMadeInTime_IsNotEscalated()
    {
        using var run = new CaseProcess();
        await StartAsync(run);
        await run.AdvanceAsync(TimeSpan.FromHours(3));

        await run.CompleteAsync("aftersales", activity: "call");
        await run.AdvanceAsync(TimeSpan.FromDays(2));

        Assert.Equal(WorkflowStatus.Completed, (await run.InstanceAsync()).Status);
        Assert.Empty(run.EscalationLevels);
        Assert.Equal(["owner"], run.MailRecipients);
    }

    private static Task StartAsync(CaseProcess run) => run.StartAsync("return_visit", new JsonObject
    {
        ["caseNumber"] = CaseProcess.CaseId,
        ["customerName"] = "深圳市华安电子有限公司",
        ["reason"] = "phone guidance",
    });
}
