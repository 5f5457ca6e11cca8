using System.Text.RegularExpressions;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.Auth;

/// <summary>A person's own password and language.</summary>
public sealed class AccountTests(WebHost web) : BrowserTest(web)
{
    [Fact]
    public async Task ChangingTheOwnPassword_KeepsThisSession_AndTheNewPasswordSignsIn()
    {
        var userName = await Web.AddUserAsync("pw", "sales");
        var page = await NewPageAsync();
        await SignInAsync(page, userName);
        await UseAccountMenuAsync(page, "修改密码", "Change password");

        await page.GetByLabel("当前密码").FillAsync(WebHost.Password);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("确认新密码").FillAsync("different-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await Expect(page.GetByText("新密码至少 8 个字符")).ToBeVisibleAsync();
        await Expect(page.GetByText("两次输入的新密码不一致")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "change-password.errors.zh-CN");

        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("a-new-password-1");
        await page.GetByLabel("确认新密码").FillAsync("a-new-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();

        await Expect(page.GetByText("密码已修改。您仍保持登录，其他会话已退出。")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/password$"));
        await Expect(MainMenu(page)).ToBeVisibleAsync();
        await ScreenshotAsync(page, "change-password.changed.zh-CN");
        // Still signed in on the fresh cookie: a reload keeps the person in the app.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "修改密码" })).ToBeVisibleAsync();
        await Expect(MainMenu(page)).ToBeVisibleAsync();

        await UseAccountMenuAsync(page, "退出登录", "Sign out");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await FillSignInAsync(page, userName, WebHost.Password);
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "用户名或密码错误" })).ToBeVisibleAsync();
        await SignInAsync(page, userName, "a-new-password-1");
    }

    [Fact]
    public async Task AWrongCurrentPassword_IsToldAtItsField()
    {
        var userName = await Web.AddUserAsync("pw", "qc");
        var page = await NewPageAsync(English);
        await SignInAsync(page, userName);
        await page.GotoAsync("/account/password");

        await page.GetByLabel("Current password").FillAsync("not-my-password");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a-new-password-1");
        await page.GetByLabel("Confirm the new password").FillAsync("a-new-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(page.GetByText("The current password is wrong")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "change-password.wrong-current.en-US");
    }

    [Fact]
    public async Task TheChosenLanguage_IsKept_AcrossReloadsAndSignIn()
    {
        var page = await NewPageAsync(Chinese);
        await page.GotoAsync("/sign-in");
        await Expect(page.GetByLabel("用户名")).ToBeVisibleAsync();

        await ChooseLanguageAsync(page, "语言", "English");
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await page.GetByLabel("User name").FillAsync("gm");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ChooseLanguageAsync(page, "Language", "中文");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "中文" })).ToBeCheckedAsync();
    }

    // antd draws the radio buttons over visually hidden inputs: a person clicks the visible label.
    private static async Task ChooseLanguageAsync(IPage page, string switchName, string language)
    {
        var languages = page.GetByRole(AriaRole.Radiogroup, new() { Name = switchName });
        await languages.GetByText(language, new() { Exact = true }).ClickAsync();
        // The switch is renamed in the new language, so the choice is looked for on the whole page.
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = language })).ToBeCheckedAsync();
    }
}
