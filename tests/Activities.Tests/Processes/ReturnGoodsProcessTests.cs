using System.Text.Json.Nodes;
using AfterSales.Cases.Surveys;
using AfterSales.Workflows;

namespace AfterSales.Activities.Tests.Processes;

public sealed class ReturnGoodsProcessTests
{
    [Fact]
    public async Task Rejected_TellsTheCustomerWhy_AndTheCaseEndsRejected()
    {
        using var run = new CaseProcess();
        await StartAsync(run);

        await run.CompleteAsync("sales", "Reject", form: new JsonObject { ["reason"] = "已超过退货期限（发货后 90 天）" }, activity: "review");

        var mail = Assert.Single(run.Mails);
        Assert.Equal(["customer"], mail.To);
        Assert.Equal($"[{CaseProcess.CaseId}] 退货申请未通过 / Your return request was not accepted", mail.Subject);
        Assert.Contains("原因：已超过退货期限（发货后 90 天）", mail.Body);
        Assert.Equal(["open", "in_progress", "rejected"], run.Statuses);
        Assert.Contains("Return rejected: 已超过退货期限（发货后 90 天）", run.Timeline);
        Assert.Single(run.EffectsOf<SurveyRequested>());
        Assert.Equal(WorkflowStatus.Completed, (await run.InstanceAsync()).Status);
        Assert.Equal(["aftersales:firstResponse", "sales:review"], run.Tasks);
    }

    [Fact]
    public async Task ASmallReturn_IsRefurbishedByAfterSales_AndGoesIntoStockOnceTheGmApproves()
    {
        using var run = new CaseProcess();
        await AcceptAndReceiveAsync(run, hosts: 3, accessories: 10);

        await MaterialRequisitionTests.ApproveAsync(run, "aftersales");
        await run.CompleteAsync("aftersales", form: CaseData.Tracking(3, 10), activity: "refurbish");
        await run.CompleteAsync("aftersales", form: CaseData.Form("WarehouseReceipt"), activity: "receipt");
        await run.CompleteAsync("gm", "Reject", activity: "gmApproval");
        await run.CompleteAsync("aftersales", form: CaseData.Tracking(3, 10), activity: "refurbish");
        await run.CompleteAsync("aftersales", form: CaseData.Form("WarehouseReceipt"), activity: "receipt");
        await run.CompleteAsync("gm", "Approve", activity: "gmApproval");
        await run.CompleteAsync("warehouse", activity: "intoStock");
        await run.CompleteAsync("sales", form: CaseData.Form("ReturnForm"), activity: "settle");

        Assert.Equal(
            [
                "aftersales:firstResponse", "sales:review", "sales:receive", "sales:returnForm",
                "aftersales:fill", "sales_head:sign", "production_manager:approve", "warehouse:issue",
                "aftersales:refurbish", "aftersales:receipt", "gm:gmApproval", "aftersales:refurbish", "aftersales:receipt", "gm:gmApproval",
                "warehouse:intoStock", "sales:settle",
            ],
            run.Tasks);
        Assert.Contains("The GM did not approve the refurbished goods into stock: refurbish again", run.Timeline);
        Assert.Equal(["open", "in_progress", "waiting_customer", "in_progress", "resolved", "closed"], run.Statuses);
        await ComplaintProcessTests.AssertSurveyedAndClosedAsync(run);
    }

    [Fact]
    public async Task ALargeReturn_IsRefurbishedByProduction_AndInspectedByQc_AFailGoingBackToProduction()
    {
        using var run = new CaseProcess();
        await AcceptAndReceiveAsync(run, hosts: 5, accessories: 0);

        await run.CompleteAsync("production", form: CaseData.Tracking(5, 0), activity: "refurbishLarge");
        await run.CompleteAsync("qc", "Fail", activity: "inspect");
        await run.CompleteAsync("production", form: CaseData.Tracking(5, 0), activity: "refurbishLarge");
        await run.CompleteAsync("qc", "Pass", activity: "inspect");
        await run.CompleteAsync("warehouse", form: CaseData.Form("WarehouseReceipt"), activity: "receiptLarge");
        await run.CompleteAsync("aftersales", activity: "trackingBack");
        await run.CompleteAsync("sales", form: CaseData.Form("ReturnForm"), activity: "settle");

        Assert.Equal(
            [
                "aftersales:firstResponse", "sales:review", "sales:receive", "sales:returnForm",
                "production:refurbishLarge", "qc:inspect", "production:refurbishLarge", "qc:inspect",
                "warehouse:receiptLarge", "aftersales:trackingBack", "sales:settle",
            ],
            run.Tasks);
        Assert.Empty(run.InstancesOf("material_requisition"));
        Assert.DoesNotContain(run.Tasks, t => t.StartsWith("gm:", StringComparison.Ordinal));
        await ComplaintProcessTests.AssertSurveyedAndClosedAsync(run);
    }

    /// <summary>Small: fewer than 5 hosts and fewer than 15 accessories; 5 hosts or 15 accessories make it large.</summary>
    [Theory]
    [InlineData(4, 14, "aftersales:fill")]
    [InlineData(0, 1, "aftersales:fill")]
    [InlineData(5, 0, "production:refurbishLarge")]
    [InlineData(0, 15, "production:refurbishLarge")]
    [InlineData(4, 15, "production:refurbishLarge")]
    public async Task SmallMeansFewerThanReturnSmallMaxHostsAndFewerThanReturnSmallMaxAccessories(int hosts, int accessories, string next)
    {
        using var run = new CaseProcess();

        await AcceptAndReceiveAsync(run, hosts, accessories);

        Assert.Equal([next], (await run.OpenTasksAsync()).Select(t => $"{t.Role}:{t.ActivityId}"));
    }

    private static async Task StartAsync(CaseProcess run, JsonObject? input = null)
    {
        await run.StartAsync("return_goods", CaseData.Input(input ?? new JsonObject
        {
            ["hosts"] = 3,
            ["accessories"] = 10,
            ["shipDate"] = "2026-08-20",
            ["reason"] = "客户项目取消",
        }));
        await run.CompleteAsync("aftersales", activity: "firstResponse");
    }

    private static async Task AcceptAndReceiveAsync(CaseProcess run, int hosts, int accessories)
    {
        await StartAsync(run);
        await run.CompleteAsync("sales", "Accept", activity: "review");
        await run.CompleteAsync("sales", form: CaseData.Tracking(hosts, accessories), activity: "receive");
        await run.CompleteAsync("sales", form: CaseData.Form("ReturnForm"), activity: "returnForm");
    }
}
