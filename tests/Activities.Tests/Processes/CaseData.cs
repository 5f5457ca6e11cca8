using System.Text.Json.Nodes;
using AfterSales.Activities.Tests.Forms;

namespace AfterSales.Activities.Tests.Processes;

/// <summary>Realistic inputs and form data for the case <see cref="CaseProcess.CaseId"/>.</summary>
internal static class CaseData
{
    public const string Owner = "li.wei";

    /// <summary>What the Host passes from the case when it starts a process (POST /api/cases); <paramref name="extra"/> adds or overrides.</summary>
    public static JsonObject Input(JsonObject? extra = null)
    {
        var input = new JsonObject
        {
            ["caseId"] = CaseProcess.CaseId,
            ["caseNumber"] = CaseProcess.CaseId,
            ["customerName"] = "深圳市华安电子有限公司",
            ["customerEmail"] = "wang.fang@huaan-elec.cn",
            ["customerPhone"] = "0755-8866 1234",
            ["channel"] = "phone",
            ["owner"] = Owner,
            ["productModel"] = "HX-3000",
            ["description"] = "开机后屏幕无显示，电源指示灯闪烁",
            ["receivedAt"] = "2026-11-23T09:00:00.0000000+00:00",
            ["hosts"] = 0,
            ["accessories"] = 0,
            ["sets"] = 0,
            ["reason"] = "开机后屏幕无显示，电源指示灯闪烁",
            // The case file the Host adds for the caseFile global; the workflows do not rely on it.
            ["case"] = new JsonObject { ["id"] = CaseProcess.CaseId, ["number"] = CaseProcess.CaseId, ["status"] = "open" },
        };
        foreach (var (name, value) in extra ?? []) input[name] = value?.DeepClone();
        return input;
    }

    /// <summary>The example of the form, filed for this case.</summary>
    public static JsonObject Form(string form)
    {
        var data = FormExamples.Get(form);
        data["caseNumber"] = CaseProcess.CaseId;
        return data;
    }

    public static JsonObject Tracking(int hosts, int accessories, string faultCategory = "material")
    {
        var form = Form("ReturnTrackingForm");
        form["hostQuantity"] = hosts;
        form["accessoryQuantity"] = accessories;
        form["faultCategory"] = faultCategory;
        return form;
    }

    public static JsonObject Contract(int sets)
    {
        var form = Form("ContractReview");
        form["quantity"] = sets;
        return form;
    }
}
