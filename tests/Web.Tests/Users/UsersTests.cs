using System.Text.RegularExpressions;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.Users;

/// <summary>Users 用户: the admin creates, changes and disables accounts; the people concerned feel it at once.</summary>
public sealed class UsersTests(WebHost web) : BrowserTest(web)
{
    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task TheAdmin_CreatesAUserAfterTheFieldErrors_WhoSignsIn_AndChangesThePassword(string locale)
    {
        var admin = await NewPageAsync(locale);
        await SignInAsync(admin, "admin");
        await MainMenu(admin).GetByRole(AriaRole.Menuitem, new() { Name = Say(admin, "用户", "Users") }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = Say(admin, "新建用户", "New user") }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog, new() { Name = Say(admin, "新建用户", "New user") });

        // "sales" is taken, and the password is short: the short password is told before anything is sent.
        await dialog.GetByLabel(Say(admin, "用户名", "User name"), new() { Exact = true }).FillAsync("sales");
        await dialog.GetByLabel(Say(admin, "姓名", "Name"), new() { Exact = true }).FillAsync("李娜 Li Na");
        await ChooseRolesAsync(admin, dialog, Say(admin, "业务员", "Sales"), Say(admin, "品质", "Quality control"));
        var password = dialog.GetByLabel(Say(admin, "初始密码", "Initial password"));
        await password.FillAsync("short");
        var create = dialog.GetByRole(AriaRole.Button, new() { Name = Say(admin, "创建用户", "Create user") });
        await create.ClickAsync();
        await Expect(dialog.Locator("#password_help")).ToContainTextAsync(Say(admin, "至少 8 个字符", "At least 8 characters"));

        await password.FillAsync("first-password-1");
        await create.ClickAsync();
        await Expect(dialog.Locator("#userName_help")).ToContainTextAsync("There is a user 'sales' already");
        await Expect(dialog.Locator("#password_help")).ToHaveCountAsync(0);
        await ScreenshotAsync(admin, $"users.new.errors.{locale}");

        var userName = $"lina-{Guid.NewGuid():N}"[..16];
        await dialog.GetByLabel(Say(admin, "用户名", "User name"), new() { Exact = true }).FillAsync(userName);
        await create.ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var row = await FindUserRowAsync(admin, userName);
        await Expect(row).ToContainTextAsync(Say(admin, "业务员", "Sales"));
        await Expect(row).ToContainTextAsync(Say(admin, "品质", "Quality control"));
        await ScreenshotAsync(admin, $"users.list.{locale}");

        // The new user, in a browser of their own, signs in with what the admin told them and changes it.
        var person = await NewPageAsync(locale);
        await SignInAsync(person, userName, "first-password-1");
        await UseAccountMenuAsync(person, "修改密码", "Change password");
        await person.GetByLabel(Say(person, "当前密码", "Current password")).FillAsync("first-password-1");
        await person.GetByLabel(Say(person, "新密码", "New password"), new() { Exact = true }).FillAsync("own-password-22");
        await person.GetByLabel(Say(person, "确认新密码", "Confirm the new password")).FillAsync("own-password-22");
        await person.GetByRole(AriaRole.Button, new() { Name = Say(person, "修改密码", "Change password") }).ClickAsync();
        await Expect(person.GetByText(Say(person, "密码已修改", "password was changed"), new() { Exact = false }))
            .ToBeVisibleAsync();

        await UseAccountMenuAsync(person, "退出登录", "Sign out");
        await FillSignInAsync(person, userName, "first-password-1");
        await Expect(person.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say(person, "用户名或密码错误", "wrong"));
        await SignInAsync(person, userName, "own-password-22");
    }

    [Fact]
    public async Task DisablingAUser_SendsTheirOpenSessionToSignIn_AtTheirNextStep()
    {
        var userName = await Web.AddUserAsync("off", "sales");
        var person = await NewPageAsync();
        await SignInAsync(person, userName);
        var admin = await NewPageAsync();
        await SignInAsync(admin, "admin");
        await admin.GotoAsync("/users");

        var row = await FindUserRowAsync(admin, userName);
        await row.GetByRole(AriaRole.Button, new() { Name = $"停用 {userName}" }).ClickAsync();
        await admin.GetByRole(AriaRole.Tooltip).GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Expect(row).ToContainTextAsync("已停用");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"启用 {userName}" })).ToBeVisibleAsync();
        await ScreenshotAsync(admin, "users.disabled.zh-CN");

        // Their page is still open; the next thing they do finds their session ended.
        await MainMenu(person).GetByRole(AriaRole.Menuitem, new() { Name = "工单" }).ClickAsync();
        await Expect(person).ToHaveURLAsync(new Regex("/sign-in\\?returnTo=%2Fcases$"));
        await FillSignInAsync(person, userName, WebHost.Password);
        await Expect(person.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
        await Expect(person).ToHaveURLAsync(new Regex("/sign-in"));
    }

    [Fact]
    public async Task TheAdmin_ResetsAPassword_AndAssignsRoles_WhichTheUserSignsInWith()
    {
        var userName = await Web.AddUserAsync("reset", "qc");
        var admin = await NewPageAsync(English);
        await SignInAsync(admin, "admin");
        await admin.GotoAsync("/users");
        var row = await FindUserRowAsync(admin, userName);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Roles of {userName}" }).ClickAsync();
        var roles = admin.GetByRole(AriaRole.Dialog, new() { Name = $"Roles of {userName}" });
        await ChooseRolesAsync(admin, roles, "Sales");
        await roles.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(roles).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync("Quality control");
        await Expect(row).ToContainTextAsync("Sales");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Reset the password of {userName}" }).ClickAsync();
        var reset = admin.GetByRole(AriaRole.Dialog, new() { Name = $"Reset the password of {userName}" });
        var password = reset.GetByLabel("New password");
        await password.FillAsync("seven77");
        await reset.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
        await Expect(reset.Locator("#password_help")).ToContainTextAsync("At least 8 characters");
        await ScreenshotAsync(admin, "users.reset.errors.en-US");
        await password.FillAsync("told-by-phone-8");
        await reset.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
        await Expect(admin.GetByText($"The password of {userName} was reset.")).ToBeVisibleAsync();
        await Expect(reset).ToHaveCountAsync(0);

        var person = await NewPageAsync(English);
        await person.GotoAsync("/sign-in");
        await FillSignInAsync(person, userName, WebHost.Password);
        await Expect(person.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
        await SignInAsync(person, userName, "told-by-phone-8");
        // Sales look after customers: quality control alone has no customer register in its menu.
        await Expect(MainMenu(person).GetByRole(AriaRole.Menuitem, new() { Name = "Customers" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SomeoneWhoIsNotAdmin_HasNoUsersMenu_AndTheUsersPageRefusesThem()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "aftersales_manager");

        await Expect(MainMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = "工单" })).ToBeVisibleAsync();
        await Expect(MainMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = "用户" })).ToHaveCountAsync(0);
        await page.GotoAsync("/users");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("您没有权限执行此操作");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "新建用户" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "users.refused.zh-CN");
    }

    /// <summary>The user's row in the list, found with the search box as an admin finds one among many.</summary>
    private async Task<ILocator> FindUserRowAsync(IPage page, string userName)
    {
        var search = page.GetByLabel(Say(page, "搜索用户名、姓名或邮箱", "Search user name, name or email"));
        await search.FillAsync(userName);
        await search.PressAsync("Enter");
        var list = page.GetByRole(AriaRole.Table);
        var row = list.GetByRole(AriaRole.Row).Filter(new() { HasText = userName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(page.Locator(".ant-table-wrapper .ant-spin-spinning")).ToHaveCountAsync(0);
        return row;
    }

    /// <summary>Adds roles in the dialog's role picker; the drop-down lists the server's roles in the page's language.</summary>
    private async Task ChooseRolesAsync(IPage page, ILocator dialog, params string[] roles)
    {
        await dialog.GetByLabel(Say(page, "角色", "Roles"), new() { Exact = true }).ClickAsync();
        foreach (var role in roles)
            await page.Locator(".ant-select-dropdown").GetByTitle(role, new() { Exact = true }).ClickAsync();
        // Clicking the dialog's title closes the drop-down (Escape would close the dialog too).
        await dialog.Locator(".ant-modal-title").ClickAsync();
        await page.Locator(".ant-select-dropdown").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }
}
