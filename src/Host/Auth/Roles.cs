namespace AfterSales.Host.Auth;

/// <summary>The roles of the after-sales department (docs: the roles table of the domain), as role claims and task roles carry them.</summary>
internal static class Roles
{
    public const string ProcessOwner = "process_owner";
    public const string Admin = "admin";

    /// <summary>Every role with the name its seeded user is shown under.</summary>
    public static readonly IReadOnlyList<(string Role, string DisplayName)> All =
    [
        ("aftersales", "售后部 After-sales"),
        ("aftersales_manager", "售后经理 After-sales manager"),
        ("sales", "业务员 Sales"),
        ("sales_head", "销售部负责人 Head of sales"),
        ("repair", "维修部 Repair"),
        ("rnd", "研发部 R&D"),
        ("pmc", "PMC"),
        ("production", "生产部 Production"),
        ("production_manager", "生产部经理 Production manager"),
        ("qc", "品质 Quality control"),
        ("warehouse", "仓库 Warehouse"),
        ("gm", "总经理 General manager"),
        ("management_office", "企管室 Management office"),
        (ProcessOwner, "流程负责人 Process owner"),
        (Admin, "管理员 Administrator"),
    ];
}
