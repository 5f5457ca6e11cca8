using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AfterSales.Benchmarks.Web;

/// <summary>
/// The README's pictures (scripts/screenshots.sh): opens six cases of the four kinds with Chinese customers through the
/// API, works a few of their first tasks, then photographs the inbox, a task with its form and a case page, in Chinese
/// and in English, 1280×800, as <c>inbox.zh-CN.png</c>, <c>task-form.zh-CN.png</c>, <c>case.zh-CN.png</c>, ….
/// </summary>
internal static class ReadmeScreenshots
{
    private static readonly string[] Locales = ["zh-CN", "en-US"];

    private sealed record NewCase(string Kind, string Channel, string Name, string Company, string Model, string Description);

    private static readonly NewCase[] Cases =
    [
        new("complaint", "phone", "王芳", "华安电子", "HX-3000", "屏幕无显示，开机后电源指示灯闪烁三次。"),
        new("special_order", "email", "刘洋", "佛山美达照明", "HX-5000", "需要 110V 定制版本 20 台，外壳改为白色。"),
        new("return_item", "web", "赵伟", "东莞精工机械", "HX-2000", "主板烧毁，需返厂维修。"),
        new("complaint", "visit", "陈静", "广州恒信物流", "HX-3000", "设备运行时有明显异响，客户要求上门检查。"),
        new("return_goods", "phone", "周敏", "珠海远航贸易", "HX-1000", "订货型号错误，申请整批退货。"),
        new("complaint", "email", "李强", "深圳科达电器", "HX-4000", "遥控器无法配对，已尝试重置。"),
    ];

    public static async Task RunAsync(string baseUrl, string password, string folder)
    {
        Directory.CreateDirectory(folder);
        await using var app = new WebApp(baseUrl, password);
        using var sales = await app.ApiAsync("sales");
        using var aftersales = await app.ApiAsync("aftersales");
        var ids = new List<string>();
        foreach (var (c, i) in Cases.Select((c, i) => (c, i))) ids.Add(await OpenAsync(sales, c, i));

        // The complaint moves on to a return (timeline, a child process); the special order reaches its contract review
        // (a task with a form); one case's first response is claimed, so the inbox shows a claim.
        await CompleteAsync(aftersales, ids[0], "aftersales", "Done");
        await CompleteAsync(aftersales, ids[0], "aftersales", "NeedsReturn");
        await CompleteAsync(aftersales, ids[1], "aftersales", "Done");
        var review = await WaitForTaskAsync(sales, ids[1], "sales");
        (await sales.PostAsync($"/api/tasks/{review}/claim", null)).EnsureSuccessStatusCode();
        var claimed = await WaitForTaskAsync(aftersales, ids[3], "aftersales");
        (await aftersales.PostAsync($"/api/tasks/{claimed}/claim", null)).EnsureSuccessStatusCode();

        foreach (var locale in Locales)
        {
            await ShootAsync(app, locale, "aftersales", "/inbox", Path.Combine(folder, $"inbox.{locale}.png"),
                page => page.Locator("tr.ant-table-row").First);
            await ShootAsync(app, locale, "sales", $"/tasks/{review}", Path.Combine(folder, $"task-form.{locale}.png"),
                page => page.Locator("form.rjsf").First);
            await ShootAsync(app, locale, "aftersales", $"/cases/{ids[0]}", Path.Combine(folder, $"case.{locale}.png"),
                page => page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^AS-\d{4}-\d{6}") }));
        }
    }

    private static async Task ShootAsync(WebApp app, string locale, string user, string path, string file, Func<IPage, ILocator> shown)
    {
        await using var context = await app.NewContextAsync(locale);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, user);
        await page.GotoAsync(path);
        await Assertions.Expect(shown(page)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = file });
        Console.WriteLine($"  {file}");
    }

    private static async Task<string> OpenAsync(HttpClient sales, NewCase c, int i)
    {
        var response = await sales.PostAsJsonAsync("/api/cases", new
        {
            kind = c.Kind,
            channel = c.Channel,
            customer = new { name = c.Name, company = c.Company, phone = $"0755-8866 {1234 + i}", region = "South" },
            product = new { model = c.Model, serial = $"SN-2025{i:D4}", shipDate = "2025-06-05", warrantyEnd = "2027-06-05" },
            quantities = new { hosts = 1 + i % 3, accessories = i % 2 },
            description = c.Description,
        });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"opening a {c.Kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task CompleteAsync(HttpClient client, string caseId, string role, string outcome)
    {
        var taskId = await WaitForTaskAsync(client, caseId, role);
        (await client.PostAsync($"/api/tasks/{taskId}/claim", null)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome })).EnsureSuccessStatusCode();
    }

    /// <summary>The open task of <paramref name="role"/> on the case, once its workflow has made it.</summary>
    private static async Task<string> WaitForTaskAsync(HttpClient client, string caseId, string role)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var page = (await client.GetFromJsonAsync<JsonObject>($"/api/tasks?role={role}&status=open&caseId={caseId}"))!;
            if (page["items"]!.AsArray() is [{ } task, ..]) return (string)task["id"]!;
            await Task.Delay(200);
        }
        throw new TimeoutException($"no open {role} task on case {caseId}");
    }
}
