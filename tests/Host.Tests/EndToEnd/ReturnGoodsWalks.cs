using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>Returned goods (退货流程): rejected, refurbished by after-sales with the GM's approval, or by production and QC.</summary>
public sealed partial class ProcessWalkTests
{
    [Fact]
    public async Task ReturnGoods_Rejected_TellsTheCustomerWhy_AndEndsRejected_WithASurvey()
    {
        const string reason = "已超过 30 天无理由退货期（2026-01-05 发货）Past the 30-day return period (shipped 2026-01-05)";
        var goods = await OpenAsync(NewCase("return_goods", "江门德丰贸易", "buyer@defeng.example", hosts: 3, accessories: 6,
            description: "不再需要，申请退货 No longer needed: please take them back"));
        await goods.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");

        await goods.OpenTask("sales", "review").CompleteAsync("Reject", new JsonObject { ["reason"] = reason });

        var refusal = await goods.ExpectMailAsync(goods.CustomerEmail!, "退货申请未通过");
        Assert.Contains(reason, refusal.TextBody);
        await goods.ExpectFinishedAsync("rejected");
        var details = await goods.GetAsync();
        Assert.Equal($"Return rejected: {reason}", CaseWalk.StatusNotes(details)[^1]);
    }

    [Fact]
    public async Task ReturnGoods_Small_IsRefurbishedByAfterSales_ApprovedByTheGmAfterARejection_Settled_ThenIsClosed()
    {
        const string customer = "惠州宏达电器";
        // Under 5 hosts and under 15 accessories: small.
        var goods = await OpenAsync(NewCase("return_goods", customer, "finance@hongda.example", hosts: 4, accessories: 14,
            description: "项目取消，设备未使用 Project cancelled, units unused"));
        await goods.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await goods.OpenTask("sales", "review").CompleteAsync("Accept");
        await goods.ExpectStatusAsync("waiting_customer");

        var tracking = Forms.Tracking(goods.Number, customer, hosts: 4, accessories: 14, reportedFault: "未使用，外观轻微划痕 Unused, light scratches");
        await goods.OpenTask("sales", "receive").CompleteAsync(tracking);
        await goods.OpenTask("sales", "returnForm").CompleteAsync(Forms.ReturnForm(goods.Number, customer, 4));
        await goods.ExpectStatusAsync("in_progress");
        await DrawMaterialAsync(goods, requester: "aftersales", "退货翻新 Refurbishment of returned goods");
        tracking = tracking.Repaired(step: "refurbished", by: "aftersales");
        await goods.OpenTask("aftersales", "refurbish").CompleteAsync(tracking);
        await goods.OpenTask("aftersales", "receipt").CompleteAsync(Forms.WarehouseReceipt(goods.Number, "refurbished", 4));
        await goods.OpenTask("gm", "gmApproval").CompleteAsync("Reject");
        await goods.OpenTask("aftersales", "refurbish").CompleteAsync(tracking);
        await goods.OpenTask("aftersales", "receipt").CompleteAsync(Forms.WarehouseReceipt(goods.Number, "refurbished", 4));
        await goods.OpenTask("gm", "gmApproval").CompleteAsync("Approve");
        await goods.OpenTask("warehouse", "intoStock").CompleteAsync("Done");
        await goods.OpenTask("sales", "settle").CompleteAsync(Forms.ReturnForm(goods.Number, customer, 4, refund: 16317.5m));

        await goods.ExpectFinishedAsync();
        var details = await goods.GetAsync();
        Assert.Contains(details["timeline"]!.AsArray(), e => e.Text("text") == "The GM did not approve the refurbished goods into stock: refurbish again");
        Assert.Equal(16317.5m, details["forms"]!["ReturnForm"]!["data"]!["refundAmount"]!.GetValue<decimal>());
        Assert.Equal("Return settled", CaseWalk.StatusNotes(details)[^2]);
    }

    [Fact]
    public async Task ReturnGoods_Large_IsRefurbishedByProductionAndInspectedByQc_Settled_ThenIsClosed()
    {
        const string customer = "广州粤海酒店集团";
        // 15 accessories make it large, however few the hosts.
        var goods = await OpenAsync(NewCase("return_goods", customer, "purchasing@yuehai.example", hosts: 2, accessories: 15,
            description: "型号选错，整单退回 Wrong model ordered: returning the whole order"));
        await goods.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await goods.OpenTask("sales", "review").CompleteAsync("Accept");

        var tracking = Forms.Tracking(goods.Number, customer, hosts: 2, accessories: 15, reportedFault: "型号不符，未通电 Wrong model, never powered");
        await goods.OpenTask("sales", "receive").CompleteAsync(tracking);
        await goods.OpenTask("sales", "returnForm").CompleteAsync(Forms.ReturnForm(goods.Number, customer, 2));
        tracking = tracking.Repaired(step: "refurbished", by: "production");
        await goods.OpenTask("production", "refurbishLarge").CompleteAsync(tracking);
        await goods.OpenTask("qc", "inspect").CompleteAsync("Pass");
        await goods.OpenTask("warehouse", "receiptLarge").CompleteAsync(Forms.WarehouseReceipt(goods.Number, "refurbished", 2));
        await goods.OpenTask("aftersales", "trackingBack").CompleteAsync("Done");
        await goods.OpenTask("sales", "settle").CompleteAsync(Forms.ReturnForm(goods.Number, customer, 2, refund: 7917.5m));

        await goods.ExpectFinishedAsync();
        var details = await goods.GetAsync();
        Assert.DoesNotContain(details["timeline"]!.AsArray(), e => (string?)e!["actor"] == "gm");
        Assert.DoesNotContain(details["timeline"]!.AsArray(), e => e.Text("text").Contains("material requisition", StringComparison.OrdinalIgnoreCase));
    }
}
