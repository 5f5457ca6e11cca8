using System.Text.Json.Nodes;
using AfterSales.Cases.Sla;
using AfterSales.Cases.Surveys;
using AfterSales.Workflows;

namespace AfterSales.Activities.Tests.Processes;

public sealed class ReturnItemProcessTests
{
    [Fact]
    public async Task SmallBatch_IsRepairedByRepairWithARequisition_AndAFailedTestGoesBackToTheRepair()
    {
        using var run = new CaseProcess();
        await StartAsync(run, hosts: 3, accessories: 4);
        await ReceiveAndDetectAsync(run, CaseData.Tracking(3, 4));

        await MaterialRequisitionTests.ApproveAsync(run, "repair");
        await run.CompleteAsync("repair", form: CaseData.Tracking(3, 4), activity: "repair");
        await run.CompleteAsync("repair", "Fail", activity: "test");
        await run.CompleteAsync("repair", form: CaseData.Tracking(3, 4), activity: "repair");
        await run.CompleteAsync("repair", "Pass", activity: "test");
        await ShipCapaAndCallBackAsync(run);

        Assert.Equal(
            [
                "aftersales:firstResponse", "sales:arrange", "sales:receive", "repair:detect",
                "repair:fill", "sales_head:sign", "production_manager:approve", "warehouse:issue",
                "repair:repair", "repair:test", "repair:repair", "repair:test",
                "sales:ship", "qc:capa", "aftersales:call",
            ],
            run.Tasks);
        Assert.Equal(["open", "in_progress", "waiting_customer", "in_progress", "resolved", "closed"], run.Statuses);
        await ComplaintProcessTests.AssertSurveyedAndClosedAsync(run);
    }

    [Fact]
    public async Task LargeBatch_GoesThroughRndProductionAndQc_AndAFailedInspectionGoesBackToTheRework()
    {
        using var run = new CaseProcess();
        await StartAsync(run, hosts: 20, accessories: 20);
        await ReceiveAndDetectAsync(run, CaseData.Tracking(20, 20));

        await run.CompleteAsync("repair", form: CaseData.Form("QualityException"), activity: "qualityException");
        await run.CompleteAsync("rnd", activity: "redesign");
        await run.CompleteAsync("production", form: CaseData.Tracking(20, 20), activity: "rework");
        await run.CompleteAsync("qc", "Fail", activity: "inspect");
        await run.CompleteAsync("production", form: CaseData.Tracking(20, 20), activity: "rework");
        await run.CompleteAsync("qc", "Pass", activity: "inspect");
        await run.CompleteAsync("warehouse", form: CaseData.Form("WarehouseReceipt"), activity: "stock");
        await ShipCapaAndCallBackAsync(run);

        Assert.Equal(
            [
                "aftersales:firstResponse", "sales:arrange", "sales:receive", "repair:detect",
                "repair:qualityException", "rnd:redesign", "production:rework", "qc:inspect", "production:rework", "qc:inspect",
                "warehouse:stock", "sales:ship", "qc:capa", "aftersales:call",
            ],
            run.Tasks);
        Assert.Empty(run.InstancesOf("material_requisition"));
        await ComplaintProcessTests.AssertSurveyedAndClosedAsync(run);
    }

    [Fact]
    public async Task ADesignFault_GoesToRnd_EvenForOneSet()
    {
        using var run = new CaseProcess();
        await StartAsync(run, hosts: 1, accessories: 0);

        await ReceiveAndDetectAsync(run, CaseData.Tracking(1, 0, faultCategory: "design"));

        Assert.Equal(["repair:qualityException"], await OpenAsync(run));
    }

    /// <summary>A set is a host with its accessories; accessories beyond one per host count as sets of their own.</summary>
    [Theory]
    [InlineData(15, 0, "repair:fill")]
    [InlineData(15, 15, "repair:fill")]
    [InlineData(10, 15, "repair:fill")]
    [InlineData(0, 15, "repair:fill")]
    [InlineData(16, 0, "repair:qualityException")]
    [InlineData(15, 16, "repair:qualityException")]
    [InlineData(0, 16, "repair:qualityException")]
    public async Task UpToSelfRepairMaxSets_IsASmallBatch(int hosts, int accessories, string next)
    {
        using var run = new CaseProcess();
        await StartAsync(run, hosts, accessories);

        await ReceiveAndDetectAsync(run, CaseData.Tracking(hosts, accessories));

        Assert.Equal([next], await OpenAsync(run));
    }

    [Fact]
    public async Task SelfRepairMaxSets_IsAVariable_ThatAProcessOwnerCanChange()
    {
        using var run = new CaseProcess();
        await run.SetDefaultAsync("return_item", "selfRepairMaxSets", 2);
        await run.StartAsync("return_item", CaseData.Input(new JsonObject { ["hosts"] = 3, ["accessories"] = 0 }));
        await run.CompleteAsync("aftersales", activity: "firstResponse");

        await ReceiveAndDetectAsync(run, CaseData.Tracking(3, 0));

        Assert.Equal(["repair:qualityException"], await OpenAsync(run));
    }

    [Fact]
    public async Task StartedByAComplaint_SkipsTheFirstResponse_AndEndsWithItsResult_LeavingSurveyAndClosingToTheComplaint()
    {
        using var run = new CaseProcess();
        await run.StartAsync("return_item", CaseData.Input(new JsonObject { ["startedByComplaint"] = true }));

        Assert.Equal(["sales:arrange"], run.Tasks);
        Assert.Empty(run.InstancesOf("sla_first_response"));
        await WalkSmallBatchAsync(run, hosts: 2, accessories: 2);
        await run.AdvanceAsync(TimeSpan.FromHours(2));
        await run.CompleteAsync("aftersales", activity: "call");

        var instance = await run.InstanceAsync();
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        JsonAssert.Equal("2", instance.Output!["tracking"]!["hostQuantity"]);
        JsonAssert.Equal("\"sales_head.user\"", instance.Output!["requisition"]!["signedBy"]);
        Assert.Empty(run.EffectsOf<SurveyRequested>());
        Assert.Empty(run.EffectsOf<FirstResponseRecorded>());
        Assert.Equal(["in_progress", "waiting_customer", "in_progress"], run.Statuses);
    }

    /// <summary>From "sales: ask for the item" to the return visit falling due, down the small-batch branch.</summary>
    internal static async Task WalkSmallBatchAsync(CaseProcess run, int hosts, int accessories)
    {
        await ReceiveAndDetectAsync(run, CaseData.Tracking(hosts, accessories));
        await MaterialRequisitionTests.ApproveAsync(run, "repair");
        await run.CompleteAsync("repair", form: CaseData.Tracking(hosts, accessories), activity: "repair");
        await run.CompleteAsync("repair", "Pass", activity: "test");
        await run.CompleteAsync("sales", form: CaseData.Form("PartsShipment"), activity: "ship");
        await run.CompleteAsync("qc", form: CaseData.Form("CapaReport"), activity: "capa");
    }

    private static async Task StartAsync(CaseProcess run, int hosts, int accessories)
    {
        await run.StartAsync("return_item", CaseData.Input(new JsonObject { ["hosts"] = hosts, ["accessories"] = accessories }));
        await run.CompleteAsync("aftersales", activity: "firstResponse");
    }

    private static async Task ReceiveAndDetectAsync(CaseProcess run, JsonObject tracking)
    {
        await run.CompleteAsync("sales", activity: "arrange");
        await run.CompleteAsync("sales", form: tracking, activity: "receive");
        await run.CompleteAsync("repair", form: tracking, activity: "detect");
    }

    private static async Task ShipCapaAndCallBackAsync(CaseProcess run)
    {
        await run.CompleteAsync("sales", form: CaseData.Form("PartsShipment"), activity: "ship");
        Assert.Equal(["qc:capa"], await OpenAsync(run)); // shipping does not wait for the CAPA, the return visit does
        await run.CompleteAsync("qc", form: CaseData.Form("CapaReport"), activity: "capa");
        await run.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(["owner"], run.MailRecipients);
        await run.CompleteAsync("aftersales", activity: "call");
    }

    private static async Task<IReadOnlyList<string>> OpenAsync(CaseProcess run) =>
        (await run.OpenTasksAsync()).Select(t => $"{t.Role}:{t.ActivityId}").ToList();
}
