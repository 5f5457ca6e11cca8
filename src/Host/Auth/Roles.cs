namespace AfterSales.Host.Auth;

/// <summary>A role with its names in Chinese and English, as the web application shows it in pickers and
/// lists.</summary>
internal sealed record RoleInfo(string Name, string Zh, string En)
{
    /// <summary>The name a seeded role user is shown under: both languages, or one when they are the same
    /// (PMC).</summary>
    public string DisplayName => Zh == En ? En : $"{Zh} {En}";
}

/// <summary>The roles of the after-sales department (docs: the roles table of the domain), as role claims and task
/// roles carry them.</summary>
internal static class Roles
{
    public const string ProcessOwner = "process_owner";
    public const string Admin = "admin";

    /// <summary>Every role, in the order of the domain's roles table.</summary>
    public static readonly IReadOnlyList<RoleInfo> Described =
    [
        new("aftersales", "售后部", "After-sales"),
        new("aftersales_manager", "售后经理", "After-sales manager"),
        new("sales", "业务员", "Sales"),
        new("sales_head", "销售部负责人", "Head of sales"),
        new("repair", "维修部", "Repair"),
        new("rnd", "研发部", "R&D"),
        new("pmc", "PMC", "PMC"),
        new("production", "生产部", "Production"),
        new("production_manager", "生产部经理", "Production manager"),
        new("qc", "品质", "Quality control"),
        new("warehouse", "仓库", "Warehouse"),
        new("gm", "总经理", "General manager"),
        new("management_office", "企管室", "Management office"),
        new(ProcessOwner, "流程负责人", "Process owner"),
        new(Admin, "管理员", "Administrator"),
    ];

    /// <summary>Every role with the name its seeded user is shown under.</summary>
    public static readonly IReadOnlyList<(string Role, string DisplayName)> All = [.. Described.Select(r => (r.Name,
        r.DisplayName))];

    /// <summary>Whether <paramref name="role"/> is one of ours (case-sensitive: role codes are lower case).</summary>
    public static bool IsKnown(string role) => Described.Any(r => r.Name == role);
}
