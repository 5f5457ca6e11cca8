using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AfterSales.Benchmarks.Web;

/// <summary>
/// A running Host's web application, as the browser benchmarks and the README screenshots use it: Debian's Chromium
/// (never a downloaded browser) and API clients signed in as role users (all with the seed password).
/// </summary>
internal sealed class WebApp(string baseUrl, string password) : IAsyncDisposable
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl => baseUrl;

    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is not null) return _browser;
        _playwright = await Playwright.CreateAsync();
        return _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh browser context (empty cache) in <paramref name="locale"/>, 1280×800, Shanghai time.</summary>
    public async Task<IBrowserContext> NewContextAsync(string locale, string? storageState = null)
    {
        var context = await (await BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>Signs in from the sign-in page as a person would, in either language, and waits for the main menu.</summary>
    public async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel(new Regex("^(用户名|User name)$")).FillAsync(userName);
        await page.GetByLabel(new Regex("^(密码|Password)$")).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(登录|登 录|Sign in)$") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { NameRegex = new Regex("^(主菜单|Main menu)$") }))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>An API client signed in as <paramref name="userName"/> (bearer token).</summary>
    public async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        login.EnsureSuccessStatusCode();
        var token = (string)(await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
