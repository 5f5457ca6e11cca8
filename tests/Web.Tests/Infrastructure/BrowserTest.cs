using AfterSales.TestSupport;
using Microsoft.Playwright;
using MimeKit;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>
/// A browser test: each page it opens lives in a fresh browser context (no cookies, no storage) in the language asked for,
/// and controls are found by role and label, as a person or a screen reader finds them. A script error on any of its pages
/// (uncaught, or logged by the app) fails the test.
/// </summary>
[Collection(WebCollection.Name)]
public abstract class BrowserTest(WebHost web) : IAsyncLifetime
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    private readonly List<IBrowserContext> _contexts = [];
    private readonly Dictionary<IPage, string> _locales = [];
    private readonly List<string> _scriptErrors = [];

    protected WebHost Web => web;

    static BrowserTest() =>
        // The machine may be busy (CI builds beside the tests): wait as long as a person would before calling it broken.
        Assertions.SetDefaultExpectTimeout(15_000);

    /// <summary>A new page in a browser that prefers <paramref name="locale"/> (<see cref="Chinese"/> or <see cref="English"/>).</summary>
    protected Task<IPage> NewPageAsync(string locale = Chinese) =>
        NewPageAsync(locale, new ViewportSize { Width = 1280, Height = 800 }, phone: false);

    /// <summary>A new page on a phone-sized touch screen (390 × 844, as an iPhone 13 or 14), in <paramref name="locale"/>.</summary>
    protected Task<IPage> NewPhonePageAsync(string locale = Chinese) =>
        NewPageAsync(locale, new ViewportSize { Width = 390, Height = 844 }, phone: true);

    private async Task<IPage> NewPageAsync(string locale, ViewportSize viewport, bool phone)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl,
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = viewport,
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        _locales[page] = locale;
        page.PageError += (_, error) => _scriptErrors.Add($"{page.Url}: {error}");
        // Errors the app caught and logged count too (an error boundary); a refused request (401 at sign-in) does not.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                _scriptErrors.Add($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// <summary>The text a page in its browser's language shows: Chinese or English.</summary>
    protected string Say(IPage page, string chinese, string english) =>
        _locales.GetValueOrDefault(page, Chinese) == Chinese ? chinese : english;

    /// <summary>Signs in from the sign-in page as a person would, and waits until the app's layout shows.</summary>
    protected async Task SignInAsync(IPage page, string userName, string password = WebHost.Password)
    {
        if (!page.Url.Contains("/sign-in", StringComparison.Ordinal)) await page.GotoAsync("/sign-in");
        await FillSignInAsync(page, userName, password);
        await Assertions.Expect(MainMenu(page)).ToBeVisibleAsync();
    }

    /// <summary>Fills and sends the sign-in form, without waiting for the outcome.</summary>
    protected async Task FillSignInAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel(Say(page, "用户名", "User name")).FillAsync(userName);
        await page.GetByLabel(Say(page, "密码", "Password"), new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = Say(page, "登录", "Sign in") }).ClickAsync();
    }

    protected ILocator MainMenu(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = Say(page, "主菜单", "Main menu") });

    /// <summary>Opens the account menu in the header and picks an item from it.</summary>
    protected async Task UseAccountMenuAsync(IPage page, string chinese, string english)
    {
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = Say(page, "账号菜单", "Account menu") }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = Say(page, chinese, english) }).ClickAsync();
    }

    /// <summary>Saves the whole page as <c>.ci/out/screenshots/&lt;name&gt;.png</c>, for people to look at.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryFolders.CiOutput, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Every mail the Host has sent so far, oldest first.</summary>
    protected IReadOnlyList<MimeMessage> Mails() => web.Mailbox.Messages();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        Assert.True(_scriptErrors.Count == 0, $"Script errors: {string.Join("; ", _scriptErrors)}");
    }
}
