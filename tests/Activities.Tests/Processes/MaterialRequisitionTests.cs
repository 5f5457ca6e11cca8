using System.Text.Json.Nodes;
using AfterSales.Workflows;

namespace AfterSales.Activities.Tests.Processes;

public sealed class MaterialRequisitionTests
{
    [Fact]
    public async Task IsSignedBySalesHead_ApprovedByProductionManager_AndIssuedByWarehouse_InThatOrder()
    {
        using var run = new CaseProcess();
        await StartAsync(run);

        Assert.Equal("MaterialRequisition", Assert.Single(await run.OpenTasksAsync()).Form);
        await ApproveAsync(run, "aftersales");

        Assert.Equal(["aftersales:fill", "sales_head:sign", "production_manager:approve", "warehouse:issue"], run.Tasks);
        var instance = await run.InstanceAsync();
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(("sales_head.user", "production_manager.user"), ((string?)instance.Output!["signedBy"], (string?)instance.Output["approvedBy"]));
        JsonAssert.Equal("2", instance.Output["items"]![0]!["qty"]);
        Assert.Equal(["Material issued: 客退品维修：HX-3000更换电源板 (signed by sales_head.user, approved by production_manager.user)"], run.Timeline);
    }

    [Fact]
    public async Task ARejectionBySalesHead_GoesBackToTheRequester()
    {
        using var run = new CaseProcess();
        await StartAsync(run);
        await run.CompleteAsync("aftersales", form: CaseData.Form("MaterialRequisition"), activity: "fill");

        await run.CompleteAsync("sales_head", "Reject", activity: "sign");

        Assert.Equal(["aftersales:fill"], (await run.OpenTasksAsync()).Select(t => $"{t.Role}:{t.ActivityId}"));
        Assert.Equal(["Material requisition rejected by the sales head: back to the requester"], run.Timeline);
        await ApproveAsync(run, "aftersales");
        Assert.Equal(["aftersales:fill", "sales_head:sign", "aftersales:fill", "sales_head:sign", "production_manager:approve", "warehouse:issue"], run.Tasks);
    }

    [Fact]
    public async Task ARejectionByProductionManager_GoesBackToTheRequester_WhoseRevisionIsSignedAgain()
    {
        using var run = new CaseProcess();
        await StartAsync(run);
        await run.CompleteAsync("aftersales", form: CaseData.Form("MaterialRequisition"), activity: "fill");
        await run.CompleteAsync("sales_head", "Approve", activity: "sign");

        await run.CompleteAsync("production_manager", "Reject", activity: "approve");

        Assert.Equal(["aftersales:fill"], (await run.OpenTasksAsync()).Select(t => $"{t.Role}:{t.ActivityId}"));
        await ApproveAsync(run, "aftersales");
        Assert.Equal(
            ["aftersales:fill", "sales_head:sign", "production_manager:approve", "aftersales:fill", "sales_head:sign", "production_manager:approve", "warehouse:issue"],
            run.Tasks);
    }

    /// <summary>The requester fills it in, then each signs in turn: the whole requisition approved and issued.</summary>
    internal static async Task ApproveAsync(CaseProcess run, string requesterRole)
    {
        await run.CompleteAsync(requesterRole, form: CaseData.Form("MaterialRequisition"), activity: "fill");
        await run.CompleteAsync("sales_head", "Approve", activity: "sign");
        await run.CompleteAsync("production_manager", "Approve", activity: "approve");
        await run.CompleteAsync("warehouse", activity: "issue");
    }

    private static Task StartAsync(CaseProcess run) => run.StartAsync("material_requisition", new JsonObject
    {
        ["caseNumber"] = CaseProcess.CaseId,
        ["requesterRole"] = "aftersales",
        ["purpose"] = "Repair of the returned item",
    });
}
