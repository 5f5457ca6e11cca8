using System.Text.Json.Nodes;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>
/// The department's documents, filled in as people would (src/Activities/Forms/Schemas, <c>GET /api/forms/{name}</c>). The
/// return tracking form travels with the item and grows at each step: start with <see cref="Tracking"/> and add to it.
/// </summary>
internal static class Forms
{
    public const string Model = "HX-3000";

    /// <summary>客退品跟踪单 as sales fills it on receiving the item.</summary>
    public static JsonObject Tracking(string caseNumber, string customer, int hosts, int accessories, string reportedFault = "开机后屏幕无显示 The screen stays dark after power-on") => new()
    {
        ["caseNumber"] = caseNumber,
        ["customer"] = customer,
        ["productModel"] = Model,
        ["serialNumber"] = "HX3K-2601-00417",
        ["hostQuantity"] = hosts,
        ["accessoryQuantity"] = accessories,
        ["shipDate"] = "2026-01-05",
        ["receivedDate"] = "2026-03-02",
        ["inWarranty"] = true,
        ["reportedFault"] = reportedFault,
        ["steps"] = new JsonArray(Step("received", "sales", "2026-03-02T09:30:00+08:00", "顺丰 SF1402 到货，外箱完好")),
    };

    /// <summary>Repair (or production) confirms the counts and names the fault.</summary>
    public static JsonObject Detected(this JsonObject tracking, string fault, string category, string by = "repair") =>
        tracking.With(t =>
        {
            t["detectedFault"] = fault;
            t["faultCategory"] = category;
            t["steps"]!.AsArray().Add(Step("detected", by, "2026-03-03T14:10:00+08:00", null));
        });

    /// <summary>The item repaired (or reworked, refurbished), with the parts replaced.</summary>
    public static JsonObject Repaired(this JsonObject tracking, string step = "repaired", string by = "repair") =>
        tracking.With(t =>
        {
            t["partsReplaced"] = new JsonArray(
                new JsonObject { ["name"] = "电源管理芯片 PMIC", ["spec"] = "TPS65217C", ["qty"] = 1, ["cost"] = 38.5 },
                new JsonObject { ["name"] = "排线 Display flex cable", ["spec"] = "FPC-40P-0.5", ["qty"] = 2, ["cost"] = 12 });
            t["repairResult"] = "repaired";
            t["steps"]!.AsArray().Add(Step(step, by, "2026-03-05T16:45:00+08:00", "老化测试 4 h 通过 Burn-in 4 h passed"));
        });

    /// <summary>领料单: what the requester draws from the warehouse.</summary>
    public static JsonObject Requisition(string caseNumber, string purpose, string requestedBy) => new()
    {
        ["caseNumber"] = caseNumber,
        ["purpose"] = purpose,
        ["items"] = new JsonArray(
            new JsonObject { ["name"] = "电源管理芯片 PMIC", ["spec"] = "TPS65217C", ["material"] = "QFN-48", ["qty"] = 2, ["unit"] = "pcs" },
            new JsonObject { ["name"] = "排线 Display flex cable", ["spec"] = "FPC-40P-0.5", ["qty"] = 4, ["unit"] = "pcs" }),
        ["requestedBy"] = requestedBy,
    };

    /// <summary>品质异常单 to R&amp;D.</summary>
    public static JsonObject QualityException(string caseNumber, int quantity, string defect) => new()
    {
        ["caseNumber"] = caseNumber,
        ["productModel"] = Model,
        ["batchNumber"] = "B2601-07",
        ["defect"] = defect,
        ["quantity"] = quantity,
        ["severity"] = "major",
        ["reportedBy"] = "repair",
        ["sentToRndAt"] = "2026-03-03T17:00:00+08:00",
    };

    /// <summary>入库单.</summary>
    public static JsonObject WarehouseReceipt(string caseNumber, string source, int quantity) => new()
    {
        ["caseNumber"] = caseNumber,
        ["source"] = source,
        ["items"] = new JsonArray(new JsonObject { ["productModel"] = Model, ["spec"] = "220V / 50Hz", ["qty"] = quantity }),
        ["inspectedBy"] = "qc",
        ["receivedDate"] = "2026-03-09",
        ["remarks"] = "A 区 3 号货架 Rack A-3",
    };

    /// <summary>配件发货单, ending with the customer's confirmation of receipt.</summary>
    public static JsonObject PartsShipment(string caseNumber, string receiver, string what, int quantity) => new()
    {
        ["caseNumber"] = caseNumber,
        ["items"] = new JsonArray(new JsonObject { ["name"] = what, ["spec"] = Model, ["qty"] = quantity }),
        ["neededBy"] = "2026-03-12",
        ["shipAddress"] = "广东省深圳市宝安区西乡街道航城大道 88 号 华安电子 3 栋",
        ["receiver"] = receiver,
        ["receiverPhone"] = "0755-8866 1234",
        ["receiverEmail"] = "logistics@huaan.example",
        ["shippedDate"] = "2026-03-10",
        ["carrier"] = "顺丰速运 SF Express",
        ["trackingNumber"] = "SF1402 8873 6615",
        ["receiptConfirmed"] = true,
        ["receiptConfirmedAt"] = "2026-03-11T10:20:00+08:00",
    };

    /// <summary>纠正预防措施报告.</summary>
    public static JsonObject Capa(string caseNumber, string problem, string rootCause) => new()
    {
        ["caseNumber"] = caseNumber,
        ["productModel"] = Model,
        ["problem"] = problem,
        ["rootCause"] = rootCause,
        ["correctiveAction"] = "更换同批次 PMIC 并复测 Replace the PMICs of the batch and retest",
        ["preventiveAction"] = "来料检验增加 PMIC 耐压抽检 Add a PMIC withstand-voltage sample test to incoming inspection",
        ["owner"] = "qc",
        ["dueDate"] = "2026-04-15",
    };

    /// <summary>合同评审单 of a special order.</summary>
    public static JsonObject ContractReview(string caseNumber, string customer, int sets) => new()
    {
        ["caseNumber"] = caseNumber,
        ["customer"] = customer,
        ["productModel"] = Model,
        ["requirements"] = "定制 24V 供电、英文面板与客户 logo 24 V supply, English panel, customer logo",
        ["quantity"] = sets,
        ["requiredDate"] = "2026-05-30",
        ["feasibility"] = "feasible_with_changes",
        ["feasibilityNote"] = "电源板需改版 The power board needs a revision",
        ["unitPrice"] = 4680,
        ["orderFollower"] = "sales",
    };

    /// <summary>退货单; at settlement it carries the refund and the deductions.</summary>
    public static JsonObject ReturnForm(string caseNumber, string customer, int quantity, decimal? refund = null) => new()
    {
        ["caseNumber"] = caseNumber,
        ["customer"] = customer,
        ["items"] = new JsonArray(new JsonObject { ["productModel"] = Model, ["serialNumber"] = "HX3K-2601-00417", ["qty"] = quantity, ["unitPrice"] = 4200 }),
        ["reason"] = "项目取消，设备未使用 Project cancelled, units unused",
        ["shipDate"] = "2026-01-05",
        ["receivedDate"] = "2026-03-02",
        ["refundAmount"] = refund,
        ["deductions"] = refund is null ? null : new JsonArray(
            new JsonObject { ["reason"] = "翻新更换配件 Parts replaced in refurbishment", ["amount"] = 62.5 },
            new JsonObject { ["reason"] = "超过 30 天退货折旧 Depreciation, returned after 30 days", ["amount"] = 420 }),
    };

    /// <summary>售后服务报告单 of an on-site visit.</summary>
    public static JsonObject ServiceReport(string caseNumber, string customer) => new()
    {
        ["caseNumber"] = caseNumber,
        ["engineer"] = "张工 Zhang Wei",
        ["customer"] = customer,
        ["siteAddress"] = "东莞市长安镇锦厦工业区 12 号",
        ["serviceDate"] = "2026-03-04",
        ["faultFound"] = "现场电源电压波动导致保护 Mains voltage dips trip the protection",
        ["workDone"] = "加装稳压器并重设保护阈值 Fitted a stabiliser, reset the protection threshold",
        ["hoursSpent"] = 3.5,
        ["materials"] = new JsonArray(new JsonObject { ["name"] = "稳压器 Stabiliser", ["spec"] = "SVC-3000VA", ["qty"] = 1, ["cost"] = 860 }),
        ["travelCost"] = 240,
        ["resolved"] = true,
        ["customerSignature"] = "李伟",
    };

    private static JsonObject Step(string step, string by, string at, string? note)
    {
        var entry = new JsonObject { ["step"] = step, ["by"] = by, ["at"] = at };
        if (note is not null) entry["note"] = note;
        return entry;
    }

    private static JsonObject With(this JsonObject form, Action<JsonObject> change)
    {
        var copy = form.DeepClone().AsObject();
        change(copy);
        return copy;
    }
}
