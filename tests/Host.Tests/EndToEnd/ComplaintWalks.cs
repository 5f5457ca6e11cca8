using AfterSales.Host.Tests.Infrastructure;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>The complaint (客诉流程) along its branches: simple by phone or email, needs return, on-site service.</summary>
public sealed partial class ProcessWalkTests
{
    [Fact]
    public async Task Complaint_Simple_AnsweredByPhone_GetsAReturnVisitReminderAndCall_ThenIsClosed()
    {
        var complaint = await OpenAsync(NewCase("complaint", "王芳", "wang.fang@huaan.example"));

        await complaint.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await complaint.OpenTask("aftersales", "triage").CompleteAsync("Simple");
        await complaint.ExpectStatusAsync("in_progress");
        var answered = await complaint.OpenTask("aftersales", "answer").CompleteAsync("Phone");

        // returnVisitDelay after the phone guidance, the reminder reaches the case's owner and the call is in the inbox.
        var reminder = await complaint.ExpectMailAsync(Mails.Of("aftersales"), "回访到期");
        Assert.Contains("phone guidance", reminder.TextBody);
        var waited = reminder.Date - answered["completedAt"]!.GetValue<DateTimeOffset>();
        Assert.True(waited >= TimeSpan.FromSeconds(1), $"the reminder came {waited} after the answer, before the return visit was due");
        await complaint.OpenTask("aftersales", "call").CompleteAsync("Done");

        await complaint.ExpectFinishedAsync();
        var details = await complaint.GetAsync();
        Assert.Equal(["Complaint received (phone): 开机后屏幕无显示 The screen stays dark after power-on", "After-sales triages the complaint",
            "Complaint resolved", "Case closed"], CaseWalk.StatusNotes(details));
        Assert.Contains(details["timeline"]!.AsArray(), e => e.Text("text") == "Return visit call made by aftersales");
        Assert.True(details["sla"]!["met"]!.GetValue<bool>());
        Assert.Equal(0, details["escalation"]!["level"]!.GetValue<int>());
    }

    [Fact]
    public async Task Complaint_Simple_AnsweredByEmail_IsClosedWithoutAReturnVisit()
    {
        var complaint = await OpenAsync(NewCase("complaint", "陈静", "chen.jing@lingtong.example", channel: "email",
            description: "如何导出上月的运行日志？ How do I export last month's logs?"));

        await complaint.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await complaint.OpenTask("aftersales", "triage").CompleteAsync("Simple");
        await complaint.OpenTask("aftersales", "answer").CompleteAsync("Email");

        await complaint.ExpectFinishedAsync();
        var details = await complaint.GetAsync();
        // The survey is the case's only mail: no return visit was scheduled.
        var mail = Assert.Single(details["mails"]!.AsArray())!;
        Assert.Contains("客户满意度调查", mail.Text("subject"));
        Assert.Empty(details["followUps"]!.AsArray());
        Assert.DoesNotContain(details["timeline"]!.AsArray(), e => e.Text("text").Contains("Return visit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complaint_NeedsReturn_RunsTheReturnItemProcess_AndContinuesWhenItEnds()
    {
        const string customer = "深圳市华安电子有限公司";
        var complaint = await OpenAsync(NewCase("complaint", customer, "service@huaan.example", hosts: 2, accessories: 2));
        await complaint.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await complaint.OpenTask("aftersales", "triage").CompleteAsync("NeedsReturn");

        // The return item runs as the complaint's child, on the same case, without a first response of its own.
        await complaint.OpenTask("sales", "arrange").CompleteAsync("Done");
        await complaint.ExpectStatusAsync("waiting_customer");
        var tracking = Forms.Tracking(complaint.Number, customer, hosts: 2, accessories: 2);
        await complaint.OpenTask("sales", "receive").CompleteAsync(tracking);
        await complaint.ExpectStatusAsync("in_progress");
        tracking = tracking.Detected("电源管理芯片击穿 PMIC shorted", "manufacturing");
        await complaint.OpenTask("repair", "detect").CompleteAsync(tracking);
        await DrawMaterialAsync(complaint, requester: "repair", "返修更换 PMIC 与排线 Repair: PMIC and flex cables");
        tracking = tracking.Repaired();
        await complaint.OpenTask("repair", "repair").CompleteAsync(tracking);
        await complaint.OpenTask("repair", "test").CompleteAsync("Pass");
        await complaint.OpenTask("sales", "ship").CompleteAsync(Forms.PartsShipment(complaint.Number, "刘强", "HX-3000 主机 (已修复) repaired host", 2));
        await complaint.OpenTask("qc", "capa").CompleteAsync(Forms.Capa(complaint.Number, "屏幕无显示 Dark screen", "PMIC 来料耐压不足 PMIC lot below withstand voltage"));
        await complaint.ExpectMailAsync(Mails.Of("aftersales"), "回访到期");
        await complaint.OpenTask("aftersales", "call").CompleteAsync("Done");

        // The child ended: the complaint resolves, surveys once and closes.
        await complaint.ExpectFinishedAsync();
        var details = await complaint.GetAsync();
        Assert.Single(details["timeline"]!.AsArray(), e => e.Text("text").StartsWith("Task completed: First response", StringComparison.Ordinal));
        Assert.Single(details["mails"]!.AsArray(), m => m.Text("subject").Contains("客户满意度调查", StringComparison.Ordinal));
        Assert.Equal([
            "Complaint received (phone): 开机后屏幕无显示 The screen stays dark after power-on",
            "After-sales triages the complaint",
            "The item must come back for repair: sales arranges the return",
            "Waiting for the customer to send the item",
            "Item received: 2 host(s), 2 accessories; handed to repair",
            "Complaint resolved",
            "Case closed",
        ], CaseWalk.StatusNotes(details));
        var forms = details["forms"]!.AsObject();
        Assert.Equal(["CapaReport", "MaterialRequisition", "PartsShipment", "ReturnTrackingForm"], forms.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal("repaired", forms["ReturnTrackingForm"]!["data"]!.Text("repairResult"));
        Assert.Equal(["received", "detected", "repaired"], forms["ReturnTrackingForm"]!["data"]!["steps"]!.AsArray().Select(s => s.Text("step")));
    }

    [Fact]
    public async Task Complaint_OnSite_DispatchesAnEngineer_WhoFilesAServiceReport_ThenIsClosed()
    {
        const string customer = "东莞精工模具厂";
        var complaint = await OpenAsync(NewCase("complaint", customer, "it@jinggong.example", channel: "visit",
            description: "设备频繁保护停机 The unit keeps tripping its protection"));

        await complaint.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await complaint.OpenTask("aftersales", "triage").CompleteAsync("OnSite");
        await complaint.OpenTask("aftersales", "dispatch").CompleteAsync("Done");
        await complaint.OpenTask("aftersales", "onSite").CompleteAsync(Forms.ServiceReport(complaint.Number, customer));

        await complaint.ExpectFinishedAsync();
        var report = (await complaint.GetAsync())["forms"]!["ServiceReport"]!;
        Assert.Equal(("aftersales", "张工 Zhang Wei", 3.5m), (report.Text("completedBy"), report["data"]!.Text("engineer"), report["data"]!["hoursSpent"]!.GetValue<decimal>()));
    }
}
