using AfterSales.Host.Tests.Infrastructure;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>The returned item for repair (客退品流程): repaired by repair itself, or reworked through R&amp;D, production and QC.</summary>
public sealed partial class ProcessWalkTests
{
    [Fact]
    public async Task ReturnItem_SmallBatch_IsRepairedByRepair_RetestedAfterAFail_ShippedBack_ThenIsClosed()
    {
        const string customer = "佛山顺达物流有限公司";
        // selfRepairMaxSets (15) sets is still a small batch.
        var item = await OpenAsync(NewCase("return_item", customer, "equipment@shunda.example", hosts: 15, accessories: 15));
        await item.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await item.OpenTask("sales", "arrange").CompleteAsync("Done");
        await item.ExpectStatusAsync("waiting_customer");

        var tracking = Forms.Tracking(item.Number, customer, hosts: 15, accessories: 15);
        await item.OpenTask("sales", "receive").CompleteAsync(tracking);
        tracking = tracking.Detected("排线接触不良 Loose display flex cable", "manufacturing");
        await item.OpenTask("repair", "detect").CompleteAsync(tracking);
        await DrawMaterialAsync(item, requester: "repair", "返修更换排线 Repair: flex cables");
        tracking = tracking.Repaired();
        await item.OpenTask("repair", "repair").CompleteAsync(tracking);
        await item.OpenTask("repair", "test").CompleteAsync("Fail");
        await item.OpenTask("repair", "repair").CompleteAsync(tracking);
        await item.OpenTask("repair", "test").CompleteAsync("Pass");
        await item.OpenTask("sales", "ship").CompleteAsync(Forms.PartsShipment(item.Number, "黄志明", "HX-3000 主机 (已修复) repaired host", 15));
        await item.OpenTask("qc", "capa").CompleteAsync(Forms.Capa(item.Number, "屏幕闪烁 Flickering screen", "排线插座压接不足 Connector under-crimped"));
        await item.ExpectMailAsync(Mails.Of("aftersales"), "回访到期");
        await item.OpenTask("aftersales", "call").CompleteAsync("Done");

        await item.ExpectFinishedAsync();
        var details = await item.GetAsync();
        Assert.Equal([
            "Returned item for repair received (phone): 开机后屏幕无显示 The screen stays dark after power-on",
            "The item must come back for repair: sales arranges the return",
            "Waiting for the customer to send the item",
            "Item received: 15 host(s), 15 accessories; handed to repair",
            "Returned item repaired and back with the customer",
            "Case closed",
        ], CaseWalk.StatusNotes(details));
        Assert.Equal(2, details["timeline"]!.AsArray().Count(e => e.Text("text").StartsWith("Task completed: Test the repaired item", StringComparison.Ordinal)));
        Assert.DoesNotContain(details["timeline"]!.AsArray(), e => e.Text("text").Contains("quality exception", StringComparison.OrdinalIgnoreCase));
        Assert.True(details["sla"]!["met"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(16, "manufacturing")] // one set more than selfRepairMaxSets
    [InlineData(2, "design")]         // a design fault goes to R&D whatever the count
    public async Task ReturnItem_LargeBatchOrDesignFault_GoesThroughRndProductionAndQc_ReworkedAgainAfterAFail_ThenIsClosed(int sets, string faultCategory)
    {
        const string customer = "中山恒立照明";
        var item = await OpenAsync(NewCase("return_item", customer, "qa@hengli.example", hosts: sets, accessories: sets));
        await item.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await item.OpenTask("sales", "arrange").CompleteAsync("Done");
        var tracking = Forms.Tracking(item.Number, customer, hosts: sets, accessories: sets);
        await item.OpenTask("sales", "receive").CompleteAsync(tracking);
        tracking = tracking.Detected("电源板设计余量不足，高温下重启 Power board derating too low: reboots when hot", faultCategory);
        await item.OpenTask("repair", "detect").CompleteAsync(tracking);

        await item.OpenTask("repair", "qualityException").CompleteAsync(Forms.QualityException(item.Number, sets, "高温重启 Reboots above 45 °C"));
        await item.OpenTask("rnd", "redesign").CompleteAsync("Done");
        tracking = tracking.Repaired(step: "repaired", by: "production");
        await item.OpenTask("production", "rework").CompleteAsync(tracking);
        await item.OpenTask("qc", "inspect").CompleteAsync("Fail");
        await item.OpenTask("production", "rework").CompleteAsync(tracking);
        await item.OpenTask("qc", "inspect").CompleteAsync("Pass");
        await item.OpenTask("warehouse", "stock").CompleteAsync(Forms.WarehouseReceipt(item.Number, "refurbished", sets));
        await item.OpenTask("sales", "ship").CompleteAsync(Forms.PartsShipment(item.Number, "吴敏", "HX-3000 主机 (返工) reworked host", sets));
        await item.OpenTask("qc", "capa").CompleteAsync(Forms.Capa(item.Number, "高温重启 Reboots when hot", "电源板降额设计不足 Power board derating"));
        await item.ExpectMailAsync(Mails.Of("aftersales"), "回访到期");
        await item.OpenTask("aftersales", "call").CompleteAsync("Done");

        await item.ExpectFinishedAsync();
        var details = await item.GetAsync();
        Assert.Equal(2, details["timeline"]!.AsArray().Count(e => e.Text("text").StartsWith("Task completed: Inspect the reworked items", StringComparison.Ordinal)));
        Assert.DoesNotContain(details["timeline"]!.AsArray(), e => e.Text("text").Contains("material requisition", StringComparison.OrdinalIgnoreCase));
        var forms = details["forms"]!.AsObject();
        Assert.Equal(["CapaReport", "PartsShipment", "QualityException", "ReturnTrackingForm", "WarehouseReceipt"], forms.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(faultCategory, forms["ReturnTrackingForm"]!["data"]!.Text("faultCategory"));
    }
}
