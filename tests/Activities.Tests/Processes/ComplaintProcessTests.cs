using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Cases.Surveys;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;

namespace AfterSales.Activities.Tests.Processes;

public sealed class ComplaintProcessTests
{
    [Fact]
    public async Task Simple_AnsweredByPhone_GetsAReturnVisitCallTwoHoursLater_ThenASurvey_AndIsClosed()
    {
        using var run = new CaseProcess();
        await StartAndTriageAsync(run, "Simple");

        await run.CompleteAsync("aftersales", "Phone", activity: "answer");
        await run.AdvanceAsync(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        Assert.Empty(run.Mails);
        Assert.DoesNotContain(await run.OpenTasksAsync(), t => t.ActivityId == "call");

        await run.AdvanceAsync(TimeSpan.FromMinutes(1));
        var reminder = Assert.Single(run.Mails);
        Assert.Equal(["owner"], reminder.To);
        Assert.Equal($"[{CaseProcess.CaseId}] 回访到期 / Return visit due", reminder.Subject);
        Assert.Contains("phone guidance", reminder.Body);
        await run.CompleteAsync("aftersales", activity: "call");

        Assert.Equal(["aftersales:firstResponse", "aftersales:triage", "aftersales:answer", "aftersales:call"], run.Tasks);
        await AssertSurveyedAndClosedAsync(run);
        await run.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Single(run.Mails); // the overdue watch ended with the call: no escalation
        Assert.Empty(run.EscalationLevels);
    }

    [Fact]
    public async Task Simple_AnsweredByEmail_IsClosedWithoutAReturnVisit()
    {
        using var run = new CaseProcess();
        await StartAndTriageAsync(run, "Simple");

        await run.CompleteAsync("aftersales", "Email", activity: "answer");

        Assert.Equal(["aftersales:firstResponse", "aftersales:triage", "aftersales:answer"], run.Tasks);
        Assert.Empty(run.InstancesOf("return_visit"));
        await AssertSurveyedAndClosedAsync(run);
    }

    [Fact]
    public async Task NeedsReturn_RunsTheReturnItemProcessAsAChild_AndContinuesWhenItEnds()
    {
        using var run = new CaseProcess();
        await StartAndTriageAsync(run, "NeedsReturn");

        var child = Assert.Single(run.Recorder.Started, i => i.DefinitionId == "return_item");
        Assert.Equal((run.InstanceId, CaseProcess.CaseId), (child.ParentInstanceId, child.CorrelationId));
        JsonAssert.Equal("true", child.Input["startedByComplaint"]);
        Assert.Equal(WorkflowStatus.Suspended, (await run.InstanceAsync()).Status);

        await ReturnItemProcessTests.WalkSmallBatchAsync(run, hosts: 3, accessories: 4);
        await run.AdvanceAsync(TimeSpan.FromHours(2));
        await run.CompleteAsync("aftersales", activity: "call");

        Assert.Equal(WorkflowStatus.Completed, (await run.InstanceAsync(child.Id)).Status);
        Assert.Equal(
            [
                "aftersales:firstResponse", "aftersales:triage",
                "sales:arrange", "sales:receive", "repair:detect",
                "repair:fill", "sales_head:sign", "production_manager:approve", "warehouse:issue",
                "repair:repair", "repair:test", "sales:ship", "qc:capa", "aftersales:call",
            ],
            run.Tasks);
        Assert.Equal(["open", "in_progress", "in_progress", "waiting_customer", "in_progress", "resolved", "closed"], run.Statuses);
        JsonAssert.Equal("3", (await run.InstanceAsync()).Variables["returnResult"]!["tracking"]!["hostQuantity"]);
        await AssertSurveyedAndClosedAsync(run); // once: the child leaves the survey to the complaint
    }

    [Fact]
    public async Task NeedsReturn_WhoseReturnIsCancelled_IsTriagedAgain()
    {
        using var run = new CaseProcess();
        await StartAndTriageAsync(run, "NeedsReturn");

        Assert.True((await run.Runtime.CancelAsync(Assert.Single(run.InstancesOf("return_item")))).Succeeded);

        Assert.Equal(["aftersales:triage"], (await run.OpenTasksAsync()).Select(t => $"{t.Role}:{t.ActivityId}"));
        await run.CompleteAsync("aftersales", "Simple", activity: "triage");
        await run.CompleteAsync("aftersales", "Email", activity: "answer");
        await AssertSurveyedAndClosedAsync(run);
    }

    [Fact]
    public async Task OnSite_DispatchesAnEngineer_WhoFilesAServiceReport()
    {
        using var run = new CaseProcess();
        await StartAndTriageAsync(run, "OnSite");
        await run.CompleteAsync("aftersales", activity: "dispatch");
        var onSite = Assert.Single(await run.OpenTasksAsync());
        Assert.Equal(("onSite", "ServiceReport"), (onSite.ActivityId, onSite.Form));

        var incomplete = CaseData.Form("ServiceReport");
        incomplete.Remove("workDone");
        var refused = await run.Runtime.ResumeAsync(onSite.InstanceId, onSite.BookmarkId, new JsonObject { ["outcome"] = "Done", ["form"] = incomplete });
        Assert.Equal((RunOutcome.Rejected, "form.workDone"), (refused.Outcome, refused.Field));

        await run.CompleteAsync("aftersales", form: CaseData.Form("ServiceReport"), activity: "onSite");

        Assert.Equal(["aftersales:firstResponse", "aftersales:triage", "aftersales:dispatch", "aftersales:onSite"], run.Tasks);
        JsonAssert.Equal("3.5", (await run.InstanceAsync()).Variables["serviceReport"]!["hoursSpent"]);
        await AssertSurveyedAndClosedAsync(run);
    }

    private static async Task StartAndTriageAsync(CaseProcess run, string triage)
    {
        await run.StartAsync("complaint", CaseData.Input());
        await run.CompleteAsync("aftersales", activity: "firstResponse");
        await run.CompleteAsync("aftersales", triage, activity: "triage");
    }

    internal static async Task AssertSurveyedAndClosedAsync(CaseProcess run)
    {
        var instance = await run.InstanceAsync();
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(await run.OpenTasksAsync());
        Assert.Equal(["resolved", "closed"], run.Statuses.TakeLast(2));
        var survey = Assert.Single(run.EffectsOf<SurveyRequested>());
        Assert.Equal(["customer"], survey.To);
        Assert.Equal(("SatisfactionSurvey", CaseProcess.CaseId), (survey.Form, survey.CaseId));
        Assert.Equal(TimeSpan.FromDays(14), survey.ExpiresIn);
        Assert.Equal(survey.At + TimeSpan.FromDays(14), survey.ExpiresAt);
        Assert.Contains(SurveyRequested.LinkPlaceholder, survey.Body);
        Assert.Contains("深圳市华安电子有限公司", survey.Body);
        // The survey comes after the case is resolved and before it is closed.
        var effects = run.Effects.ToList();
        var surveyAt = effects.IndexOf(survey);
        Assert.True(surveyAt > effects.FindLastIndex(e => e is CaseStatusChanged { Status: "resolved" }));
        Assert.True(surveyAt < effects.FindLastIndex(e => e is CaseStatusChanged { Status: "closed" }));
    }
}
