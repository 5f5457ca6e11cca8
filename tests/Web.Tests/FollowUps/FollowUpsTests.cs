using AfterSales.Host.Jobs;
using AfterSales.Persistence.FollowUps;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.FollowUps;

/// <summary>Follow-ups 回访/巡检: what is due, what is overdue, and marking one done.</summary>
public sealed class FollowUpsTests(WebHost web) : BrowserTest(web)
{
    private const string CustomerName = "佛山顺德美达 Meida";

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task TheOwner_SeesVisitsAndInspectionsDue_TheOverdueOneMarked_AndMarksItDone(string locale)
    {
        var owner = await Web.AddUserAsync("fu", "aftersales");
        var (customerId, overdueProduct, laterProduct) = await PlanFollowUpsAsync(owner);
        var page = await NewPageAsync(locale);
        await SignInAsync(page, owner);
        await MainMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = Say(page, "回访/巡检", "Follow-ups") }).ClickAsync();

        var ownerFilter = page.GetByLabel(Say(page, "负责人（用户名）", "Owner (user name)"));
        await ownerFilter.FillAsync(owner);
        await ownerFilter.PressAsync("Enter");
        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = owner });
        await Expect(rows).ToHaveCountAsync(3);
        var overdue = rows.Filter(new() { HasText = overdueProduct });
        var later = rows.Filter(new() { HasText = laterProduct });
        var visit = rows.Filter(new() { HasText = Say(page, "客户回访", "Customer visit") });

        // Due first: the inspection 18 days late, the visit in 30 days, the other inspection in 82.
        await Expect(rows.First).ToContainTextAsync(overdueProduct);
        await Expect(overdue).ToContainTextAsync(Say(page, "产品巡检", "Product inspection"));
        await Expect(overdue).ToContainTextAsync(Say(page, "已逾期", "Overdue"));
        await Expect(overdue).ToContainTextAsync(Say(page, "逾期", "overdue by"));
        // Each names what it is about: the customer (linked to its page) and the inspected product.
        await Expect(visit.GetByRole(AriaRole.Link, new() { Name = CustomerName })).ToHaveAttributeAsync("href", $"/customers/{customerId}");
        await Expect(overdue).ToContainTextAsync($"HX-3000 {overdueProduct}");
        await Expect(overdue.GetByRole(AriaRole.Link, new() { Name = CustomerName })).ToBeVisibleAsync();
        await Expect(visit).Not.ToContainTextAsync(Say(page, "已逾期", "Overdue"));
        await Expect(later).Not.ToContainTextAsync(Say(page, "已逾期", "Overdue"));
        await ScreenshotAsync(page, $"follow-ups.due.{locale}");

        await overdue.GetByRole(AriaRole.Button, new() { Name = Say(page, "标记完成", "Mark done") }).ClickAsync();

        await Expect(page.GetByText(Say(page, "已标记完成。", "Marked done."))).ToBeVisibleAsync();
        // Done counts from today: the product's next inspection is half a year away and not overdue.
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(overdue).ToHaveCountAsync(1);
        await Expect(overdue).Not.ToContainTextAsync(Say(page, "已逾期", "Overdue"));
        await Expect(rows.Last).ToContainTextAsync(overdueProduct);
        await Expect(rows.First).Not.ToContainTextAsync(overdueProduct);
        await ScreenshotAsync(page, $"follow-ups.done.{locale}");

        await page.GetByLabel(Say(page, "状态", "Status"), new() { Exact = true }).ClickAsync();
        await page.Locator(".ant-select-dropdown").GetByTitle(Say(page, "已完成", "Done"), new() { Exact = true })
            .ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync(overdueProduct);
    }

    /// <summary>
    /// A key customer visited every 30 days and two installed products, one installed 200 days ago (its half-yearly
    /// inspection 18 days overdue) and one 100 days ago, all owned by <paramref name="owner"/>; then the daily job's
    /// planning writes their follow-ups. Answers the customer's id and the products' serial numbers.
    /// </summary>
    private async Task<(string Customer, string Overdue, string Later)> PlanFollowUpsAsync(string owner)
    {
        var store = Web.Services.GetRequiredService<FollowUpStore>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var customer = new CustomerEntity
        {
            Id = Guid.NewGuid().ToString("N"), Name = CustomerName, KeyCustomer = true,
            VisitInterval = TimeSpan.FromDays(30), Owner = owner, CreatedAt = now,
        };
        await store.AddCustomerAsync(customer, default);
        var overdue = Product(customer.Id, owner, today.AddDays(-200));
        var later = Product(customer.Id, owner, today.AddDays(-100));
        await store.AddProductAsync(overdue, default);
        await store.AddProductAsync(later, default);

        var zone = Web.Services.GetRequiredService<IOptions<JobsOptions>>().Value.FindTimeZone();
        await Web.Services.GetRequiredService<FollowUpSchedule>().CreateNextAsync(now, zone, default);
        return (customer.Id, overdue.Serial!, later.Serial!);
    }

    private static InstalledProductEntity Product(string customerId, string owner, DateOnly installedAt) => new()
    {
        Id = Guid.NewGuid().ToString("N"), CustomerId = customerId, Model = "HX-3000",
        Serial = $"SN-{Guid.NewGuid():N}"[..11], InstalledAt = installedAt,
        InspectionInterval = TimeSpan.FromDays(182), Owner = owner,
    };
}
