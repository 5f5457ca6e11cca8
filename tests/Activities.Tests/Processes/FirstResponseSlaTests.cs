using System.Text.Json.Nodes;
using AfterSales.Cases.Escalations;
using AfterSales.Cases.Sla;
using AfterSales.Workflows;

namespace AfterSales.Activities.Tests.Processes;

/// <summary>The 24 h first response of every process: the sla_first_response ladder raced against the first-response task.</summary>
public sealed class FirstResponseSlaTests
{
    public static readonly TheoryData<string> Processes = new() { "complaint", "return_item", "special_order", "return_goods" };

    [Theory]
    [MemberData(nameof(Processes))]
    public async Task Unanswered_WarnsTheOwnerAt75Percent_EscalatesToTheManagerAt24h_AndToTheGmAt48h(string process)
    {
        using var run = new CaseProcess();
        await run.StartAsync(process, CaseData.Input());

        Assert.Equal(["aftersales:firstResponse"], run.Tasks);
        var clock = Assert.Single(run.EffectsOf<SlaClockStarted>());
        Assert.Equal(("first_response", run.StartedAt, run.StartedAt.AddHours(24), run.StartedAt.AddHours(18)),
            (clock.Clock, clock.StartedAt, clock.DueAt, clock.WarningAt));

        await run.AdvanceToAsync(TimeSpan.FromHours(18) - TimeSpan.FromSeconds(1));
        Assert.Empty(run.Mails);

        await run.AdvanceToAsync(TimeSpan.FromHours(18));
        var warning = Assert.Single(run.Mails);
        Assert.Equal(["owner"], warning.To);
        Assert.Contains("First response due soon", warning.Subject);
        Assert.Contains("answer the customer by 2026-11-24 17:00", warning.Body); // Beijing time, the timeZone variable
        Assert.Empty(run.EscalationLevels);

        await run.AdvanceToAsync(TimeSpan.FromHours(24));
        var first = Assert.Single(run.EffectsOf<CaseEscalated>());
        Assert.Equal((1, "first_response", CaseProcess.CaseId, run.StartedAt.AddHours(24)), (first.Level, first.Reason, first.CaseId, first.At));
        Assert.Equal(["owner", "role:aftersales_manager"], run.MailRecipients);
        Assert.Contains(run.Timeline, t => t.StartsWith("Escalated to level 1 (first_response)", StringComparison.Ordinal));

        await run.AdvanceToAsync(TimeSpan.FromHours(48));
        Assert.Equal([1, 2], run.EscalationLevels);
        Assert.Equal(["owner", "role:aftersales_manager", "role:gm"], run.MailRecipients);
        Assert.All(run.Mails, m => Assert.StartsWith($"[{CaseProcess.CaseId}]", m.Subject));

        await run.AdvanceToAsync(TimeSpan.FromDays(5));
        Assert.Equal(3, run.Mails.Count);
        Assert.Equal(["aftersales:firstResponse"], (await run.OpenTasksAsync()).Select(t => $"{t.Role}:{t.ActivityId}"));
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public async Task AnsweredInTime_NeitherWarnsNorEscalates_AndStopsTheLadder(string process)
    {
        using var run = new CaseProcess();
        await run.StartAsync(process, CaseData.Input());
        await run.AdvanceToAsync(TimeSpan.FromHours(10));

        await run.CompleteAsync("aftersales", activity: "firstResponse", user: CaseData.Owner);

        var response = Assert.Single(run.EffectsOf<FirstResponseRecorded>());
        Assert.Equal((CaseData.Owner, run.StartedAt.AddHours(10)), (response.By, response.At));
        Assert.Equal(WorkflowStatus.Cancelled, (await run.InstanceAsync(Assert.Single(run.InstancesOf("sla_first_response")))).Status);
        await run.AdvanceToAsync(TimeSpan.FromDays(5));
        Assert.Empty(run.Mails);
        Assert.Empty(run.EscalationLevels);
        Assert.DoesNotContain(await run.OpenTasksAsync(), t => t.ActivityId == "firstResponse");
    }

    [Fact]
    public async Task AnsweredAfterTheWarning_DoesNotEscalate()
    {
        using var run = new CaseProcess();
        await run.StartAsync("complaint", CaseData.Input());
        await run.AdvanceToAsync(TimeSpan.FromHours(20));

        await run.CompleteAsync("aftersales", activity: "firstResponse");
        await run.AdvanceToAsync(TimeSpan.FromDays(3));

        Assert.Equal(["owner"], run.MailRecipients);
        Assert.Empty(run.EscalationLevels);
    }

    [Fact]
    public async Task AnsweredAfterTheFirstLevel_StopsTheLadderBeforeTheSecond()
    {
        using var run = new CaseProcess();
        await run.StartAsync("complaint", CaseData.Input());
        await run.AdvanceToAsync(TimeSpan.FromHours(30));

        await run.CompleteAsync("aftersales", activity: "firstResponse");
        await run.AdvanceToAsync(TimeSpan.FromDays(3));

        Assert.Equal([1], run.EscalationLevels);
        Assert.Equal(run.StartedAt.AddHours(30), Assert.Single(run.EffectsOf<FirstResponseRecorded>()).At);
        Assert.Equal(["aftersales:firstResponse", "aftersales:triage"], run.Tasks);
    }

    [Fact]
    public async Task TheLadder_CountsFromWhenTheRequestWasReceived()
    {
        using var run = new CaseProcess();
        // Recorded 20 h after it arrived (a letter, say): the warning is due already, the escalation in 4 h.
        await run.StartAsync("complaint", CaseData.Input(new JsonObject { ["receivedAt"] = "2026-11-22T13:00:00+00:00" }));

        Assert.Equal(["owner"], run.MailRecipients);
        await run.AdvanceAsync(TimeSpan.FromHours(4));
        Assert.Equal([1], run.EscalationLevels);
        Assert.Equal(run.StartedAt.AddHours(4), Assert.Single(run.EffectsOf<SlaClockStarted>()).DueAt);
    }

    [Fact]
    public async Task DelaysSharesAndRecipients_AreWorkflowVariables_ThatAProcessOwnerCanChange()
    {
        // The ladder takes them as inputs from its process; a literal address only when the install allows it (issue 7).
        using var run = new CaseProcess("gm.office@huaan-group.cn");
        await run.SetDefaultAsync("return_goods", "firstResponseDue", "PT8H");
        await run.SetDefaultAsync("return_goods", "secondEscalationDue", "PT12H");
        await run.SetDefaultAsync("return_goods", "preBreachWarningAt", 0.5);
        await run.SetDefaultAsync("return_goods", "preBreachWarningTo", new JsonArray("role:aftersales"));
        await run.SetDefaultAsync("return_goods", "firstEscalationTo", new JsonArray("user:zhou.qiang", "role:aftersales_manager"));
        await run.SetDefaultAsync("return_goods", "secondEscalationTo", new JsonArray("role:gm", "gm.office@huaan-group.cn"));
        await run.StartAsync("return_goods", CaseData.Input());

        await run.AdvanceToAsync(TimeSpan.FromHours(4));
        Assert.Equal(["role:aftersales"], run.MailRecipients);
        await run.AdvanceToAsync(TimeSpan.FromHours(8));
        await run.AdvanceToAsync(TimeSpan.FromHours(12));

        Assert.Equal(["role:aftersales", "user:zhou.qiang, role:aftersales_manager", "role:gm, gm.office@huaan-group.cn"], run.MailRecipients);
        Assert.Equal([run.StartedAt.AddHours(8), run.StartedAt.AddHours(12)], run.EffectsOf<CaseEscalated>().Select(e => e.At));
    }

    [Fact]
    public async Task AfterTheLastLevel_TheLadderWaits_UntilTheCaseIsAnswered()
    {
        using var run = new CaseProcess();
        await run.StartAsync("special_order", CaseData.Input());
        await run.AdvanceToAsync(TimeSpan.FromDays(4));
        var ladder = Assert.Single(run.InstancesOf("sla_first_response"));
        Assert.Equal(WorkflowStatus.Suspended, (await run.InstanceAsync(ladder)).Status);

        await run.CompleteAsync("aftersales", activity: "firstResponse");

        Assert.Equal(WorkflowStatus.Cancelled, (await run.InstanceAsync(ladder)).Status);
        Assert.Equal(["aftersales:firstResponse", "sales:contractReview"], run.Tasks);
    }

    [Fact]
    public async Task AFirstResponseSignal_EndsTheLadder_AndTheProcessGoesOn_WithoutItsTask()
    {
        using var run = new CaseProcess();
        await run.StartAsync("complaint", CaseData.Input());
        await run.AdvanceToAsync(TimeSpan.FromHours(2));

        // E.g. the Host saw an agent's reply to the customer outside the task.
        Assert.Equal(1, await run.Runtime.SignalAsync("first-response", CaseProcess.CaseId));

        Assert.Equal(run.StartedAt.AddHours(2), Assert.Single(run.EffectsOf<FirstResponseRecorded>()).At);
        Assert.Equal(["aftersales:triage"], (await run.OpenTasksAsync()).Select(t => $"{t.Role}:{t.ActivityId}"));
        await run.AdvanceToAsync(TimeSpan.FromDays(3));
        Assert.Empty(run.Mails);
    }
}
