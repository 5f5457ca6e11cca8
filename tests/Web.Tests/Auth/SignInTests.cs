using System.Text.RegularExpressions;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.Auth;

/// <summary>Signing in and out, in Chinese and English, as the people of the department do it.</summary>
public sealed class SignInTests(WebHost web) : BrowserTest(web)
{
    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task SigningIn_ShowsTheLayoutInTheBrowsersLanguage_WithTheMenuOfTheRole(string locale)
    {
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Say(page, "售后服务平台", "AfterSales") })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"sign-in.{locale}");
        await SignInAsync(page, "aftersales");

        // The after-sales staff start at their tasks; user administration is the admin's and not in their menu.
        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        var menu = MainMenu(page);
        await Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = Say(page, "我的待办", "My tasks") })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = Say(page, "API 文档", "API reference") }))
            .ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = Say(page, "用户", "Users") })).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Say(page, "账号菜单", "Account menu") }))
            .ToContainTextAsync("售后部 After-sales");
        await ScreenshotAsync(page, $"home.{locale}");
    }

    [Fact]
    public async Task AWrongPassword_IsToldAtTheForm_AndNobodyIsSignedIn()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in");

        await FillSignInAsync(page, "sales", "not-the-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
        await Expect(page.GetByLabel("密码", new() { Exact = true })).ToBeEmptyAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await ScreenshotAsync(page, "sign-in.wrong-password");
    }

    [Fact]
    public async Task AnEmptyForm_IsToldAtEachField_WithoutCallingTheServer()
    {
        var page = await NewPageAsync(English);
        await page.GotoAsync("/sign-in");
        var calls = 0;
        page.Request += (_, request) => { if (request.Url.Contains("/api/auth/login", StringComparison.Ordinal)) calls++; };

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByText("Enter your user name")).ToBeVisibleAsync();
        await Expect(page.GetByText("Enter your password")).ToBeVisibleAsync();
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task AnEndedSession_SendsThePersonToSignIn_AndBackToWhereTheyWere()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "repair");
        await UseAccountMenuAsync(page, "修改密码", "Change password");
        await Expect(page).ToHaveURLAsync(new Regex("/account/password$"));

        // The session ends (the cookie expires); the next call the page makes answers 401.
        await page.Context.ClearCookiesAsync();
        await page.GetByLabel("当前密码").FillAsync(WebHost.Password);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("another-password-1");
        await page.GetByLabel("确认新密码").FillAsync("another-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnTo=%2Faccount%2Fpassword$"));
        await SignInAsync(page, "repair");
        await Expect(page).ToHaveURLAsync(new Regex("/account/password$"));
    }

    [Fact]
    public async Task ADeepLink_AsksToSignInFirst_ThenOpensThePage()
    {
        var page = await NewPageAsync(English);

        await page.GotoAsync("/account/password");

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnTo=%2Faccount%2Fpassword$"));
        await SignInAsync(page, "qc");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change password" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SigningOut_EndsTheSession_OnTheServerToo()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "warehouse");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "aftersales_token");

        await UseAccountMenuAsync(page, "退出登录", "Sign out");

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await page.GotoAsync("/account/password");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnTo="));
        // The old token is refused even where a copy of the cookie survived.
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path, HttpOnly = true,
            SameSite = cookie.SameSite,
        }]);
        var me = await page.APIRequest.GetAsync("/api/auth/me");
        Assert.Equal(401, me.Status);
    }
}
