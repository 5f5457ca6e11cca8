using System.Text.Json.Nodes;

namespace AfterSales.Activities.Tests.Forms;

/// <summary>A valid, realistically filled example of each form; the invalid cases are these with one thing changed.</summary>
internal static class FormExamples
{
    public static JsonObject Get(string form) => (JsonObject)JsonNode.Parse(Json[form])!;

    public static readonly IReadOnlyDictionary<string, string> Json = new Dictionary<string, string>
    {
        ["ReturnTrackingForm"] = """
            {
              "caseNumber": "AS-2026-000123",
              "customer": "深圳市华安电子有限公司",
              "productModel": "HX-3000",
              "serialNumber": "HX3000-2511-0457",
              "hostQuantity": 2,
              "accessoryQuantity": 4,
              "shipDate": "2025-11-20",
              "receivedDate": "2026-03-05",
              "inWarranty": true,
              "reportedFault": "开机后屏幕无显示，电源指示灯闪烁",
              "detectedFault": "电源板滤波电容鼓包",
              "faultCategory": "material",
              "partsReplaced": [
                { "name": "电源板", "spec": "PWR-12V-5A", "qty": 2, "cost": 85.5 },
                { "name": "排线", "spec": "FPC-40P", "qty": 1, "cost": 0 }
              ],
              "repairResult": "repaired",
              "steps": [
                { "step": "received", "by": "王芳", "at": "2026-03-05T10:12:00+08:00", "note": "外箱完好" },
                { "step": "detected", "by": "李工", "at": "2026-03-06T09:30:00+08:00" },
                { "step": "repaired", "by": "李工", "at": "2026-03-06T16:45:00+08:00", "note": "老化测试4小时通过" }
              ],
              "remarks": "质保期内，免费维修"
            }
            """,
        ["CapaReport"] = """
            {
              "caseNumber": "AS-2026-000123",
              "productModel": "HX-3000",
              "problem": "同一批次HX-3000主机返修3台，均为开机无显示",
              "rootCause": "供应商更换电容型号，耐温等级不足，高温环境下鼓包",
              "correctiveAction": "更换全部返修品电源板，库存同批次电源板全检",
              "preventiveAction": "电容纳入关键物料清单，供应商变更须经研发部确认",
              "owner": "研发部 陈明",
              "dueDate": "2026-04-15",
              "verification": "跟踪30天无同类返修",
              "verifiedBy": "品质部 赵丽"
            }
            """,
        ["ReturnForm"] = """
            {
              "caseNumber": "AS-2026-000140",
              "customer": "杭州博远科技有限公司",
              "items": [
                { "productModel": "HX-3000", "spec": "标准版", "serialNumber": "HX3000-2601-0012", "qty": 3, "unitPrice": 2380 },
                { "productModel": "HX-ACC-01", "spec": "电源适配器", "qty": 6, "unitPrice": 120 }
              ],
              "reason": "客户项目取消，产品未拆封使用",
              "shipDate": "2026-01-18",
              "receivedDate": "2026-02-26",
              "refundAmount": 7614,
              "deductions": [
                { "reason": "外包装破损，重新包装费", "amount": 60 },
                { "reason": "往返运费", "amount": 186 }
              ],
              "remarks": "经销售部负责人同意退货"
            }
            """,
        ["ContractReview"] = """
            {
              "caseNumber": "AS-2026-000151",
              "customer": "苏州恒通自动化设备有限公司",
              "productModel": "HX-3000",
              "requirements": "外壳改为IP65防护等级，增加RS-485接口，面板印客户LOGO",
              "quantity": 8,
              "requiredDate": "2026-05-30",
              "feasibility": "feasible_with_changes",
              "feasibilityNote": "RS-485接口需改板，交期需延后一周",
              "unitPrice": 2980,
              "orderFollower": "刘婷"
            }
            """,
        ["MaterialRequisition"] = """
            {
              "caseNumber": "AS-2026-000123",
              "purpose": "客退品维修：HX-3000更换电源板",
              "items": [
                { "name": "电源板", "spec": "PWR-12V-5A", "material": "FR-4", "qty": 2, "unit": "块" },
                { "name": "螺丝", "spec": "M3×8", "material": "不锈钢", "qty": 8, "unit": "个" }
              ],
              "requestedBy": "李工",
              "signedBy": "张伟",
              "approvedBy": "周强",
              "warehouseNote": "已发料，电源板库存余12块"
            }
            """,
        ["QualityException"] = """
            {
              "caseNumber": "AS-2026-000160",
              "productModel": "HX-5000",
              "batchNumber": "B2601-07",
              "defect": "通讯模块间歇性掉线，疑似天线布局设计问题",
              "quantity": 36,
              "severity": "major",
              "reportedBy": "维修部 李工",
              "sentToRndAt": "2026-03-10T14:20:00+08:00"
            }
            """,
        ["WarehouseReceipt"] = """
            {
              "caseNumber": "AS-2026-000140",
              "source": "refurbished",
              "items": [
                { "productModel": "HX-3000", "spec": "标准版", "serialNumber": "HX3000-2601-0012", "qty": 3 }
              ],
              "inspectedBy": "赵丽",
              "approvedBy": "总经理 黄建国",
              "receivedDate": "2026-03-12",
              "remarks": "翻新品，二次销售"
            }
            """,
        ["ServiceReport"] = """
            {
              "caseNumber": "AS-2026-000171",
              "engineer": "孙浩",
              "customer": "东莞市立信包装有限公司",
              "siteAddress": "广东省东莞市长安镇振安中路88号",
              "serviceDate": "2026-03-18",
              "faultFound": "控制器参数丢失，设备无法启动",
              "workDone": "重新刷写固件并恢复参数，更换备用电池，培训操作员备份参数",
              "hoursSpent": 3.5,
              "materials": [
                { "name": "纽扣电池", "spec": "CR2032", "qty": 1, "cost": 5 }
              ],
              "travelCost": 240,
              "resolved": true,
              "customerSignature": "何经理"
            }
            """,
        ["SatisfactionSurvey"] = """
            {
              "caseNumber": "AS-2026-000171",
              "rating": 5,
              "responseRating": 4,
              "attitudeRating": 5,
              "qualityRating": 5,
              "wouldRecommend": true,
              "comment": "工程师当天到场，处理及时，态度很好",
              "respondent": "何志明",
              "contactEmail": "he.zhiming@lixin-pack.cn"
            }
            """,
        ["PartsShipment"] = """
            {
              "caseNumber": "AS-2026-000182",
              "items": [
                { "name": "传感器探头", "spec": "TS-200", "material": "316不锈钢", "qty": 4 },
                { "name": "密封圈", "spec": "Φ20×2", "material": "氟橡胶", "qty": 10 }
              ],
              "neededBy": "2026-03-25",
              "shipAddress": "江苏省无锡市新吴区长江路21号",
              "receiver": "钱工",
              "receiverPhone": "139 1234 5678",
              "receiverEmail": "qian@wx-jingmi.com",
              "shippedDate": "2026-03-20",
              "carrier": "顺丰速运",
              "trackingNumber": "SF1402938475610",
              "receiptConfirmed": true,
              "receiptConfirmedAt": "2026-03-22T11:05:00+08:00"
            }
            """,
    };
}
