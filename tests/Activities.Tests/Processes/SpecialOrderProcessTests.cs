using System.Text.Json.Nodes;

namespace AfterSales.Activities.Tests.Processes;

public sealed class SpecialOrderProcessTests
{
    [Fact]
    public async Task FewerThanTenSets_AfterSalesModifiesASample_QcTestsIt_AFailGoesBackAStep_ThenSalesShips()
    {
        using var run = new CaseProcess();
        await StartAndReviewAsync(run, sets: 9);

        await MaterialRequisitionTests.ApproveAsync(run, "aftersales");
        await run.CompleteAsync("aftersales", activity: "modify");
        await run.CompleteAsync("qc", "Fail", activity: "sampleTest");
        Assert.Empty(await ShipTasksAsync(run)); // a failed sample never ships
        await run.CompleteAsync("aftersales", activity: "modify");
        await run.CompleteAsync("qc", "Pass", activity: "sampleTest");
        await run.CompleteAsync("sales", form: CaseData.Form("PartsShipment"), activity: "ship");

        Assert.Equal(
            [
                "aftersales:firstResponse", "sales:contractReview",
                "aftersales:fill", "sales_head:sign", "production_manager:approve", "warehouse:issue",
                "aftersales:modify", "qc:sampleTest", "aftersales:modify", "qc:sampleTest", "sales:ship",
            ],
            run.Tasks);
        Assert.Equal(["open", "in_progress", "resolved", "closed"], run.Statuses);
        await ComplaintProcessTests.AssertSurveyedAndClosedAsync(run);
    }

    [Fact]
    public async Task TenSetsOrMore_GoThroughASampleRndPmcProductionAndQc_AndFailedInspectionsGoBackAStep()
    {
        using var run = new CaseProcess();
        await StartAndReviewAsync(run, sets: 10);

        await run.CompleteAsync("aftersales", activity: "makeSample");
        await run.CompleteAsync("qc", "Fail", activity: "sampleInspect");
        await run.CompleteAsync("aftersales", activity: "makeSample");
        await run.CompleteAsync("qc", "Pass", activity: "sampleInspect");
        await run.CompleteAsync("rnd", activity: "project");
        await run.CompleteAsync("pmc", activity: "planMaterial");
        await run.CompleteAsync("production", activity: "build");
        await run.CompleteAsync("qc", "Fail", activity: "batchInspect");
        Assert.Empty(await ShipTasksAsync(run));
        await run.CompleteAsync("production", activity: "build");
        await run.CompleteAsync("qc", "Pass", activity: "batchInspect");
        await run.CompleteAsync("warehouse", form: CaseData.Form("WarehouseReceipt"), activity: "stock");
        await run.CompleteAsync("sales", form: CaseData.Form("PartsShipment"), activity: "ship");

        Assert.Equal(
            [
                "aftersales:firstResponse", "sales:contractReview",
                "aftersales:makeSample", "qc:sampleInspect", "aftersales:makeSample", "qc:sampleInspect",
                "rnd:project", "pmc:planMaterial", "production:build", "qc:batchInspect", "production:build", "qc:batchInspect",
                "warehouse:stock", "sales:ship",
            ],
            run.Tasks);
        Assert.Empty(run.InstancesOf("material_requisition"));
        await ComplaintProcessTests.AssertSurveyedAndClosedAsync(run);
    }

    [Theory]
    [InlineData(1, null, "aftersales:fill")]
    [InlineData(9, null, "aftersales:fill")]
    [InlineData(10, null, "aftersales:makeSample")]
    [InlineData(200, null, "aftersales:makeSample")]
    [InlineData(6, 5, "aftersales:makeSample")]
    public async Task TheBatchSize_IsTheContractReviewsQuantity_AgainstSpecialOrderBatchSets(int sets, int? batchSets, string next)
    {
        using var run = new CaseProcess();
        await StartAndReviewAsync(run, sets, batchSets);

        Assert.Equal([next], (await run.OpenTasksAsync()).Select(t => $"{t.Role}:{t.ActivityId}"));
    }

    private static async Task StartAndReviewAsync(CaseProcess run, int sets, int? batchSets = null)
    {
        if (batchSets is { } b) await run.SetDefaultAsync("special_order", "specialOrderBatchSets", b);
        await run.StartAsync("special_order", CaseData.Input(new JsonObject { ["sets"] = sets }));
        await run.CompleteAsync("aftersales", activity: "firstResponse");
        await run.CompleteAsync("sales", form: CaseData.Contract(sets), activity: "contractReview");
    }

    private static async Task<IReadOnlyList<OpenTask>> ShipTasksAsync(CaseProcess run) =>
        (await run.OpenTasksAsync()).Where(t => t.ActivityId == "ship").ToList();
}
