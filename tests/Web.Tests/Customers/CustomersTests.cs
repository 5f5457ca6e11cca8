using System.Text.RegularExpressions;
using AfterSales.Persistence.FollowUps;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.Customers;

/// <summary>Customers 客户: the register of customers and their installed products, created and edited.</summary>
public sealed class CustomersTests(WebHost web) : BrowserTest(web)
{
    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task AfterSales_CreatesAKeyCustomerWithAnInstalledProduct(string locale)
    {
        var page = await NewPageAsync(locale);
        await SignInAsync(page, "aftersales");
        await MainMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = Say(page, "客户", "Customers") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Say(page, "新建客户", "New customer") }).ClickAsync();

        var name = $"美达 Meida {Guid.NewGuid():N}"[..18];
        await page.GetByLabel(Say(page, "名称", "Name"), new() { Exact = true }).FillAsync(name);
        await page.GetByLabel(Say(page, "公司", "Company")).FillAsync("佛山顺德美达电器有限公司");
        await page.GetByLabel(Say(page, "地区", "Region")).FillAsync("华南 South China");
        await page.GetByLabel(Say(page, "重点客户", "Key customer")).ClickAsync();
        var create = page.GetByRole(AriaRole.Button, new() { Name = Say(page, "创建客户", "Create customer") });
        await create.ClickAsync();
        // A key customer is visited periodically: the interval is asked for before anything is sent.
        await Expect(page.Locator("#visitInterval_help")).ToContainTextAsync(Say(page, "请填写此项", "Fill this in"));
        await ScreenshotAsync(page, $"customers.new.{locale}");
        await page.GetByLabel(Say(page, "回访周期", "Visit every")).FillAsync("90");
        await create.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/customers/[0-9a-f]{32}$"));
        await Expect(page.GetByText(name)).ToBeVisibleAsync();
        await Expect(page.GetByText(Say(page, "每 90 天", "every 90 days"))).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = Say(page, "添加产品", "Add product") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = Say(page, "添加已安装产品", "Add an installed product") });
        await dialog.GetByLabel(Say(page, "型号", "Model")).FillAsync("HX-3000");
        await dialog.GetByLabel(Say(page, "序列号", "Serial number")).FillAsync("SN-2026-0042");
        var installedAt = dialog.GetByLabel(Say(page, "安装日期", "Installed on"));
        await installedAt.FillAsync("2026-06-01");
        await installedAt.PressAsync("Enter");
        await dialog.GetByRole(AriaRole.Button, new() { Name = Say(page, "保存", "Save") }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        var products = page.GetByRole(AriaRole.Table);
        var product = products.GetByRole(AriaRole.Row).Filter(new() { HasText = "SN-2026-0042" });
        await Expect(product).ToContainTextAsync("HX-3000");
        await Expect(product).ToContainTextAsync(Say(page, "每 182 天", "every 182 days"));
        await Expect(product.GetByRole(AriaRole.Button, new() { Name = Say(page, "编辑 HX-3000", "Edit HX-3000") }))
            .ToBeVisibleAsync();
        await ScreenshotAsync(page, $"customers.customer.{locale}");
    }

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task AnEditTheServerRefuses_IsToldAtItsField_AndWritesNothing_UntilItIsFixed(string locale)
    {
        var store = Web.Services.GetRequiredService<FollowUpStore>();
        var customer = new CustomerEntity
        {
            Id = Guid.NewGuid().ToString("N"), Name = $"Edit {Guid.NewGuid():N}"[..13], Region = "华东 East China",
            Owner = "aftersales", CreatedAt = DateTimeOffset.UtcNow,
        };
        await store.AddCustomerAsync(customer, default);
        var page = await NewPageAsync(locale);
        await SignInAsync(page, "aftersales");
        await page.GotoAsync($"/customers/{customer.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = Say(page, "编辑", "Edit") }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = Say(page, "编辑客户", "Edit customer") });
        await form.GetByLabel(Say(page, "地区", "Region")).FillAsync("华南 South China");
        var owner = form.GetByLabel(Say(page, "负责人", "Owner"));
        await owner.FillAsync("nobody-of-ours");
        var save = form.GetByRole(AriaRole.Button, new() { Name = Say(page, "保存", "Save") });
        await save.ClickAsync();

        // Only the server knows its users: its 400 names the owner, and the form shows it there.
        await Expect(form.Locator("#owner_help")).ToContainTextAsync("there is no user 'nobody-of-ours'");
        await ScreenshotAsync(page, $"customers.edit.error.{locale}");
        var stored = await store.FindCustomerAsync(customer.Id, default);
        Assert.Equal(("华东 East China", "aftersales"), (stored!.Region, stored.Owner));

        await owner.FillAsync("sales");
        await save.ClickAsync();

        await Expect(page.GetByText(Say(page, "客户已保存。", "Customer saved."))).ToBeVisibleAsync();
        await Expect(form).ToHaveCountAsync(0);
        await Expect(page.GetByText("华南 South China")).ToBeVisibleAsync();
        stored = await store.FindCustomerAsync(customer.Id, default);
        Assert.Equal(("华南 South China", "sales"), (stored!.Region, stored.Owner));
    }
}
