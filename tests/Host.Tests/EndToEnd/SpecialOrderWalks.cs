using AfterSales.Host.Tests.Infrastructure;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>The special order (特供产品): a modified sample under ten sets, a built batch from ten sets on.</summary>
public sealed partial class ProcessWalkTests
{
    [Fact]
    public async Task SpecialOrder_UnderTenSets_ModifiesASampleWithDrawnMaterial_TestedAndShipped_ThenIsClosed()
    {
        const string customer = "珠海海辰科技";
        var order = await OpenAsync(NewCase("special_order", customer, "purchase@haichen.example", hosts: 9, accessories: 0, channel: "email",
            description: "特供 24V 版本 9 套 Nine sets of a 24 V version"));
        await order.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");

        await order.OpenTask("sales", "contractReview").CompleteAsync(Forms.ContractReview(order.Number, customer, sets: 9));
        // The sales head sends the requisition back once: the requester fills it in again.
        await DrawMaterialAsync(order, requester: "aftersales", "特供样机改制 Special-order sample", salesHeadRejectsFirst: true);
        await order.OpenTask("aftersales", "modify").CompleteAsync("Done");
        await order.OpenTask("qc", "sampleTest").CompleteAsync("Fail");
        await order.OpenTask("aftersales", "modify").CompleteAsync("Done");
        await order.OpenTask("qc", "sampleTest").CompleteAsync("Pass");
        await order.OpenTask("sales", "ship").CompleteAsync(Forms.PartsShipment(order.Number, "郑海", "HX-3000 24V 特供机 special version", 9));

        await order.ExpectFinishedAsync();
        var details = await order.GetAsync();
        Assert.Contains(details["timeline"]!.AsArray(), e => e.Text("text") == "Material requisition rejected by the sales head: back to the requester");
        Assert.DoesNotContain(details["timeline"]!.AsArray(), e => e.Text("text").Contains("R&D project", StringComparison.Ordinal));
        Assert.Equal(9, details["forms"]!["ContractReview"]!["data"]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task SpecialOrder_OfTenSets_MakesASample_ThenRndPmcAndProductionBuild_RebuiltAfterAQcFail_ThenIsClosed()
    {
        const string customer = "厦门海翔港务";
        var order = await OpenAsync(NewCase("special_order", customer, "eq@haixiang.example", hosts: 10, accessories: 0, channel: "letter",
            description: "港口专用防盐雾版本 10 套 Ten salt-spray-proof sets"));
        await order.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");

        await order.OpenTask("sales", "contractReview").CompleteAsync(Forms.ContractReview(order.Number, customer, sets: 10));
        await order.OpenTask("aftersales", "makeSample").CompleteAsync("Done");
        await order.OpenTask("qc", "sampleInspect").CompleteAsync("Pass");
        await order.OpenTask("rnd", "project").CompleteAsync("Done");
        await order.OpenTask("pmc", "planMaterial").CompleteAsync("Done");
        await order.OpenTask("production", "build").CompleteAsync("Done");
        await order.OpenTask("qc", "batchInspect").CompleteAsync("Fail");
        await order.OpenTask("production", "build").CompleteAsync("Done");
        await order.OpenTask("qc", "batchInspect").CompleteAsync("Pass");
        await order.OpenTask("warehouse", "stock").CompleteAsync(Forms.WarehouseReceipt(order.Number, "produced", 10));
        await order.OpenTask("sales", "ship").CompleteAsync(Forms.PartsShipment(order.Number, "林涛", "HX-3000 防盐雾版 salt-spray-proof", 10));

        await order.ExpectFinishedAsync();
        var details = await order.GetAsync();
        Assert.Equal(2, details["timeline"]!.AsArray().Count(e => e.Text("text").StartsWith("Task completed: Build the batch of 10 sets", StringComparison.Ordinal)));
        Assert.DoesNotContain(details["timeline"]!.AsArray(), e => e.Text("text").Contains("material requisition", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("produced", details["forms"]!["WarehouseReceipt"]!["data"]!.Text("source"));
    }
}
