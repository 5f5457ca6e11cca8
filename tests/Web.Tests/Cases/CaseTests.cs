using System.Text.RegularExpressions;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.Cases;

/// <summary>Cases 工单: opening one, finding it in the list, what its page shows as the workflow moves on.</summary>
public sealed class CaseTests(WebHost web) : BrowserTest(web)
{
    private readonly CaseApi _api = new(web);

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task ASalesperson_OpensAComplaint_AfterFixingTheFieldTheServerNamed(string locale)
    {
        var page = await NewPageAsync(locale);
        await SignInAsync(page, "sales");
        await MainMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = Say(page, "工单", "Cases") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Say(page, "新建工单", "New case") }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = Say(page, "新建工单", "New case") });
        await Expect(heading).ToBeVisibleAsync();

        var customer = $"Acme {Guid.NewGuid():N}"[..16];
        await page.GetByLabel(Say(page, "客户名称", "Customer name")).FillAsync(customer);
        await page.GetByLabel(Say(page, "产品型号", "Product model")).FillAsync("HX-3000");
        await page.GetByLabel(Say(page, "问题描述", "Description")).FillAsync("The screen stays dark");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = Say(page, "提交工单", "Open the case") });
        await submit.ClickAsync();

        // Neither phone nor email: the server's 400 names customer.phone, and the form shows it under that field.
        var phone = page.GetByLabel(Say(page, "电话", "Phone"), new() { Exact = true });
        await Expect(page.Locator("#customer_phone_help"))
            .ToContainTextAsync("is required when there is no customer.email");
        await Expect(page).ToHaveURLAsync(new Regex("/cases/new$"));
        await ScreenshotAsync(page, $"cases.new.{locale}");

        await phone.FillAsync("0755-8866 1234");
        await submit.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f]{32}$"));
        var number = new Regex("^AS-\\d{4}-\\d{6}$");
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = number })).ToBeVisibleAsync();
        await Expect(page.GetByText(customer)).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex("opened: complaint by phone"))).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"cases.case.{locale}");
    }

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task TheCaseList_FiltersByKindAndCustomer_AndKeepsTheFiltersInTheAddress(string locale)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, complaint) = await _api.OpenComplaintAsync($"List {tag} Alpha");
        var (_, returned) = await _api.OpenComplaintAsync($"List {tag} Beta", "return_goods");
        var page = await NewPageAsync(locale);
        await SignInAsync(page, "aftersales");
        await page.GotoAsync("/cases");
        var list = page.GetByRole(AriaRole.Table, new() { Name = Say(page, "工单", "Cases") });
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = complaint })).ToBeVisibleAsync();

        await page.GetByLabel(Say(page, "客户名称或公司", "Customer name or company")).FillAsync($"List {tag}");
        await page.GetByLabel(Say(page, "客户名称或公司", "Customer name or company")).PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"customer=List\\+{tag}"));
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = returned })).ToBeVisibleAsync();

        await page.GetByLabel(Say(page, "类型", "Kind"), new() { Exact = true }).ClickAsync();
        await ChooseAsync(page, Say(page, "退货", "Returned goods"));

        await Expect(page).ToHaveURLAsync(new Regex("kind=return_goods"));
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = returned })).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = complaint })).ToHaveCountAsync(0);
        await page.Locator(".ant-select-dropdown").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await ScreenshotAsync(page, $"cases.list.{locale}");

        // The address alone brings the same list back, as a link sent to a colleague would.
        await page.ReloadAsync();
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = returned })).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = complaint })).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task TheCaseList_NarrowsToEscalatedCases_AndToACreatedRange_KeptInTheAddress(string locale)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, calm) = await _api.OpenComplaintAsync($"Range {tag} Calm");
        var (escalatedId, escalated) = await _api.OpenComplaintAsync($"Range {tag} Escalated");
        var (januaryId, january) = await _api.OpenComplaintAsync($"Range {tag} January");
        await _api.MarkEscalatedAsync(escalatedId);
        await _api.BackdateAsync(januaryId, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.FromHours(8)));
        var page = await NewPageAsync(locale);
        await SignInAsync(page, "aftersales");
        await page.GotoAsync($"/cases?customer=Range+{tag}");
        var list = page.GetByRole(AriaRole.Table, new() { Name = Say(page, "工单", "Cases") });
        var row = (string number) => list.GetByRole(AriaRole.Link, new() { Name = number });
        await Expect(row(january)).ToBeVisibleAsync();

        var escalatedOnly = page.GetByRole(AriaRole.Checkbox, new() { Name = Say(page, "仅看已升级", "Escalated only") });
        await escalatedOnly.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("escalated=true"));
        await Expect(row(escalated)).ToBeVisibleAsync();
        await Expect(row(calm)).ToHaveCountAsync(0);
        await Expect(row(january)).ToHaveCountAsync(0);

        await escalatedOnly.ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("escalated=true"));
        await Expect(row(calm)).ToBeVisibleAsync();
        var from = page.GetByPlaceholder(Say(page, "创建起始日", "Created from"), new() { Exact = true });
        await from.ClickAsync();
        await from.FillAsync("2026-01-01");
        await from.PressAsync("Enter");
        var to = page.GetByPlaceholder(Say(page, "创建截止日", "Created to"), new() { Exact = true });
        await to.FillAsync("2026-01-31");
        await to.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("createdFrom=2026-01-01&createdTo=2026-01-31"));
        await Expect(row(january)).ToBeVisibleAsync();
        await Expect(row(calm)).ToHaveCountAsync(0);
        await Expect(row(escalated)).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"cases.list.created-range.{locale}");

        // The address alone brings the same list back.
        await page.ReloadAsync();
        await Expect(row(january)).ToBeVisibleAsync();
        await Expect(row(calm)).ToHaveCountAsync(0);
        await Expect(from).ToHaveValueAsync("2026-01-01");
    }

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task TheCasePage_ShowsTheSurveyAnswer_OnceTheCustomerAnsweredIt(string locale)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"survey-{tag}@example.com";
        var (caseId, _) = await _api.OpenComplaintAsync($"Survey {tag}", "return_goods", email);
        var page = await NewPageAsync(locale);
        await SignInAsync(page, "aftersales");
        await page.GotoAsync($"/cases/{caseId}");
        var tab = page.GetByRole(AriaRole.Tab, new() { Name = Say(page, "满意度调查", "Survey") });
        await tab.ClickAsync();
        var survey = page.GetByRole(AriaRole.Region, new() { Name = Say(page, "满意度调查", "Survey") });
        await Expect(survey).ToContainTextAsync(Say(page, "尚未发送满意度调查。", "No survey has been sent yet."));

        // Sales rejects the return: the customer is told why and asked to rate the service.
        await _api.CompleteAsync(caseId, "aftersales", "Done");
        await _api.CompleteAsync(caseId, "sales", "Reject", new { reason = "Past the 30-day return period" });
        var token = await _api.WaitForSurveyTokenAsync(email);
        await _api.AnswerSurveyAsync(token, rating: 4, comment: $"Quick and friendly {tag}", wouldRecommend: true);

        await page.ReloadAsync();
        await tab.ClickAsync();
        await Expect(survey).ToContainTextAsync(Say(page, "已回复", "Answered"));
        await Expect(survey).ToContainTextAsync(Say(page, "4 / 5 分", "4 of 5"));
        await Expect(survey).ToContainTextAsync($"Quick and friendly {tag}");
        await Expect(survey.GetByText(Say(page, "是", "Yes"), new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"cases.case.survey.{locale}");
    }

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task TheCasePage_ShowsTheTimelineAndTheReturnItemProcess_AfterTriageChoseNeedsReturn(string locale)
    {
        var (caseId, _) = await _api.OpenComplaintAsync($"Return {Guid.NewGuid():N}"[..16]);
        await _api.CompleteAsync(caseId, "aftersales", "Done");
        await _api.CompleteAsync(caseId, "aftersales", "NeedsReturn");
        var arrange = await _api.WaitForTaskAsync(caseId, "sales");

        var page = await NewPageAsync(locale);
        await SignInAsync(page, "sales");
        await page.GotoAsync($"/cases/{caseId}");

        var triaged = new Regex("Task completed: Triage the complaint .*\\(NeedsReturn\\)");
        await Expect(page.GetByText(triaged)).ToBeVisibleAsync();
        var tab = new Regex(Say(page, "子流程", "Sub-processes"));
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = tab }).ClickAsync();
        var child = page.GetByRole(AriaRole.Region, new() { Name = Say(page, "子流程 1", "Sub-process 1") });
        await Expect(child).ToBeVisibleAsync();
        await Expect(child.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/tasks/{arrange}");
        await ScreenshotAsync(page, $"cases.case.sub-process.{locale}");
    }

    [Fact]
    public async Task AddingACost_ShowsTheServersFieldErrorsAtTheFields_ThenBooksIt()
    {
        var (caseId, _) = await _api.OpenComplaintAsync($"Cost {Guid.NewGuid():N}"[..16]);
        var page = await NewPageAsync(English);
        await SignInAsync(page, "aftersales");
        await page.GotoAsync($"/cases/{caseId}");
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Costs") }).ClickAsync();
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add a cost" });

        await add.ClickAsync();

        await Expect(page.Locator("#cost_kind_help")).ToContainTextAsync("required");
        await Expect(page.Locator("#cost_amount_help")).ToContainTextAsync("required");
        await ScreenshotAsync(page, "cases.cost-errors.en-US");

        await page.GetByLabel("Cost kind").ClickAsync();
        await ChooseAsync(page, "Travel");
        await page.GetByLabel("Amount (CNY)").FillAsync("350");
        await page.GetByLabel("Note").FillAsync("Train to the customer");
        await add.ClickAsync();

        var costs = page.GetByRole(AriaRole.Table, new() { Name = "Costs" });
        var booked = new Regex("Travel.*350\\.00.*Train to the customer");
        await Expect(costs.GetByRole(AriaRole.Row, new() { NameRegex = booked })).ToBeVisibleAsync();
        // The notice loads antd's message on first use (shared/messages.tsx): it still says so.
        await Expect(page.GetByText("The cost was added.")).ToBeVisibleAsync();
        await Expect(costs.GetByText(new Regex("350\\.00")).Last).ToBeVisibleAsync();
        await Expect(page.Locator("#cost_kind_help")).ToHaveCountAsync(0);
    }

    /// <summary>Picks an option of the open drop-down (antd lists its options by title, outside the select).</summary>
    private static Task ChooseAsync(IPage page, string option) =>
        page.Locator(".ant-select-dropdown").GetByTitle(option, new() { Exact = true }).ClickAsync();
}
