using System.Text.RegularExpressions;
using AfterSales.Web.Tests.Cases;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.Inbox;

/// <summary>
/// The inbox 我的待办 and the task page: a task found, claimed, opened from the keyboard and completed; released; finished
/// by someone else first; the list narrowed by process and role.
/// </summary>
public sealed class InboxTests(WebHost web) : BrowserTest(web)
{
    // Every browser test shares one database, and a new case's tasks are due last (oldest due first): the largest page
    // keeps a new task on the first page however many tasks the other tests left open.
    private const string WholeInbox = "/inbox?pageSize=100";

    private readonly CaseApi _api = new(web);

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task AComplaint_IsClaimedInTheInbox_OpenedFromTheKeyboard_AndTriagedToNeedsReturn(string locale)
    {
        // Opened first, so due first: the row above ours, for k to move to.
        var (_, above) = await _api.OpenComplaintAsync($"Above {Guid.NewGuid():N}"[..16]);
        var customer = $"Inbox {Guid.NewGuid():N}"[..16];
        var (caseId, number) = await _api.OpenComplaintAsync(customer);
        var firstResponse = await _api.WaitForTaskAsync(caseId, "aftersales");
        var page = await NewPageAsync(locale);
        await SignInAsync(page, "aftersales");
        await page.GotoAsync(WholeInbox);

        var row = Row(page, number);
        await Expect(row).ToContainTextAsync(customer);
        await Expect(row).ToContainTextAsync(Say(page, "客诉", "Complaint"));
        await Expect(row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^First response to {customer}") }))
            .ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync(new Regex(Say(page, "剩余 \\d", "\\d+ \\w+ left")));
        await Expect(row).ToContainTextAsync(Say(page, "未认领", "Not claimed"));

        await row.GetByRole(AriaRole.Button, new() { Name = Say(page, "认领任务", "Claim the task") }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = Say(page, "我", "You"), Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = Say(page, "放回任务", "Release the task") })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = Say(page, "认领任务", "Claim the task") })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"inbox.claimed.{locale}");

        await SelectWithKeysAsync(page, number, above);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/tasks/{firstResponse}$"));
        var summary = page.GetByLabel(Say(page, "工单概要", "Case summary"));
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync(customer);
        await Expect(summary).ToContainTextAsync("HX-3000");
        await Expect(page.GetByText(Say(page, "已由我认领", "Claimed by you"))).ToBeVisibleAsync();
        await ChooseOutcomeAsync(page, Say(page, "完成", "Done"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say(page, "已完成", "is done"));

        // The first response answered, the workflow asks for the triage: the next task on the same case (on the whole
        // inbox: the browser tests share one database, and a new task is due after the ones already open).
        await page.GotoAsync(WholeInbox);
        var triage = Row(page, number);
        await triage.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Triage the complaint") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Triage the complaint") })).ToBeVisibleAsync();
        await Expect(page.GetByLabel(Say(page, "工单概要", "Case summary"))).ToContainTextAsync(customer);
        // The triage has no form: the prompt asks for the outcome alone.
        await Expect(page.GetByText(Say(page, "选择处理结果：", "Choose the outcome:"), new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"task.triage.{locale}");
        await ChooseOutcomeAsync(page, Say(page, "需退回", "Needs return"));

        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say(page, "已完成", "is done"));
        await page.GotoAsync($"/cases/{caseId}");
        await Expect(page.GetByText(new Regex("Task completed: Triage the complaint .*\\(NeedsReturn\\)"))).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex(Say(page, "子流程", "Sub-processes")) }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = Say(page, "子流程 1", "Sub-process 1") })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task AServiceReport_ShowsTheServersFieldErrorAtItsField_ThenIsFiled(string locale)
    {
        var (caseId, number) = await _api.OpenComplaintAsync($"Report {Guid.NewGuid():N}"[..16]);
        await _api.CompleteAsync(caseId, "aftersales", "Done");
        await _api.CompleteAsync(caseId, "aftersales", "OnSite");
        await _api.CompleteAsync(caseId, "aftersales", "Done");
        var report = await _api.WaitForTaskAsync(caseId, "aftersales");
        var page = await NewPageAsync(locale);
        await SignInAsync(page, "aftersales");
        await page.GotoAsync($"/tasks/{report}");

        var form = page.GetByRole(AriaRole.Region, new() { Name = Say(page, "任务表单", "Task form") });
        await Expect(form.GetByRole(AriaRole.Heading, new() { Name = Say(page, "售后服务报告单", "Service report") })).ToBeVisibleAsync();
        await Expect(page.GetByText(Say(page, "填写完成后，选择处理结果提交：", "When the form is filled in, choose the outcome to submit it:")))
            .ToBeVisibleAsync();
        await form.GetByLabel(Say(page, "售后单号", "Case number")).FillAsync(number);
        await form.GetByLabel(Say(page, "服务工程师", "Service engineer")).FillAsync("Wang Lei");
        var date = form.GetByLabel(Say(page, "服务日期", "Service date"));
        await date.FillAsync("2026-03-02");
        await date.PressAsync("Enter");
        await form.GetByLabel(Say(page, "工时(小时)", "Hours spent")).FillAsync("2.5");
        await ChooseOutcomeAsync(page, Say(page, "完成", "Done"));

        // The form does not check itself: the server refuses the missing work done, naming form.workDone, and its
        // message sits at that field (the field's description), in the page's language.
        var workDone = form.GetByLabel(Say(page, "服务内容", "Work done"));
        await Expect(workDone).ToHaveAccessibleDescriptionAsync(Say(page, "必填", "Required"));
        await Expect(form.GetByLabel(Say(page, "服务工程师", "Service engineer"))).ToHaveAccessibleDescriptionAsync("");
        await Expect(page).ToHaveURLAsync(new Regex($"/tasks/{report}$"));
        await ScreenshotAsync(page, $"task.form-error.{locale}");

        await workDone.FillAsync("Replaced the display board");
        await ChooseOutcomeAsync(page, Say(page, "完成", "Done"));

        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say(page, "已完成", "is done"));
        await page.GotoAsync($"/cases/{caseId}");
        await Expect(page.GetByText(new Regex("Task completed: On-site service at"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AReleasedTask_ShowsUnclaimed_AndAnotherAfterSalesUserCanClaimIt()
    {
        var claimer = await Web.AddUserAsync("claimer", "aftersales");
        var colleague = await Web.AddUserAsync("colleague", "aftersales");
        var (_, number) = await _api.OpenComplaintAsync($"Release {Guid.NewGuid():N}"[..16]);
        var page = await NewPageAsync();
        await SignInAsync(page, claimer);
        await page.GotoAsync(WholeInbox);
        var row = Row(page, number);
        await row.GetByRole(AriaRole.Button, new() { Name = "认领任务" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "我", Exact = true })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "放回任务" }).ClickAsync();
        await Expect(page.GetByText("确定放回该任务？")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "inbox.release-confirm.zh-CN");
        await page.GetByRole(AriaRole.Button, new() { Name = "放回", Exact = true }).ClickAsync();

        await Expect(row).ToContainTextAsync("未认领");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "放回任务" })).ToHaveCountAsync(0);

        var other = await NewPageAsync();
        await SignInAsync(other, colleague);
        await other.GotoAsync(WholeInbox);
        var theirs = Row(other, number);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "认领任务" }).ClickAsync();
        await Expect(theirs.GetByRole(AriaRole.Cell, new() { Name = "我", Exact = true })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = colleague, Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SubmittingATaskSomeoneElseFinishedFirst_SaysSo_AndTheInboxNoLongerListsIt()
    {
        var late = await Web.AddUserAsync("late", "aftersales");
        var (caseId, _) = await _api.OpenComplaintAsync($"Late {Guid.NewGuid():N}"[..16]);
        var task = await _api.WaitForTaskAsync(caseId, "aftersales");
        var page = await NewPageAsync(English);
        await SignInAsync(page, late);
        await page.GotoAsync($"/tasks/{task}");
        var heading = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^First response to") });
        var title = await heading.InnerTextAsync();

        await _api.CompleteAsync(caseId, "aftersales", "Done");
        await ChooseOutcomeAsync(page, "Done");

        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else finished this task first");
        var inbox = Inbox(page);
        await Expect(inbox.GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        await Expect(inbox.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "inbox.conflict.en-US");
    }

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task TheProcessAndRoleFilters_NarrowTheList_AndSurviveAReload(string locale)
    {
        var both = await Web.AddUserAsync("both", "aftersales", "sales");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, complaint) = await _api.OpenComplaintAsync($"Filter {tag} A");
        var (_, returnOpen) = await _api.OpenComplaintAsync($"Filter {tag} B", "return_goods");
        var (reviewed, returnReview) = await _api.OpenComplaintAsync($"Filter {tag} C", "return_goods");
        await _api.CompleteAsync(reviewed, "aftersales", "Done");
        await _api.WaitForTaskAsync(reviewed, "sales");
        var page = await NewPageAsync(locale);
        await SignInAsync(page, both);
        await page.GotoAsync(WholeInbox);
        await Expect(Row(page, complaint)).ToBeVisibleAsync();

        await ChooseAsync(page, Say(page, "按流程筛选", "Filter by process"), Say(page, "退货", "Returned goods"));
        await Expect(page).ToHaveURLAsync(new Regex("kind=return_goods"));
        await Expect(Row(page, returnOpen)).ToBeVisibleAsync();
        await Expect(Row(page, returnReview)).ToBeVisibleAsync();
        await Expect(Row(page, complaint)).ToHaveCountAsync(0);

        await ChooseAsync(page, Say(page, "按角色筛选", "Filter by role"), Say(page, "业务员", "Sales"));
        await Expect(page).ToHaveURLAsync(new Regex("role=sales"));
        await Expect(Row(page, returnReview)).ToContainTextAsync(Say(page, "业务员", "Sales"));
        await Expect(Row(page, returnOpen)).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"inbox.filtered.{locale}");

        await page.ReloadAsync();
        await Expect(Row(page, returnReview)).ToBeVisibleAsync();
        await Expect(Row(page, returnOpen)).ToHaveCountAsync(0);
        await Expect(Row(page, complaint)).ToHaveCountAsync(0);
    }

    /// <summary>The inbox row of a case's open task, found by the case number it shows.</summary>
    private ILocator Row(IPage page, string caseNumber) => Inbox(page).GetByRole(AriaRole.Row, new() { Name = caseNumber });

    private ILocator Inbox(IPage page) => page.GetByRole(AriaRole.Table, new() { Name = Say(page, "我的待办", "My tasks") });

    /// <summary>
    /// Moves the inbox's selection onto the row of <paramref name="caseNumber"/> with the keys alone: j past the last row
    /// (the selection stops there), k back up to it, k once more onto the row of <paramref name="above"/> (due before it),
    /// and j back.
    /// </summary>
    private async Task SelectWithKeysAsync(IPage page, string caseNumber, string above)
    {
        var rows = Inbox(page).Locator("tbody").GetByRole(AriaRole.Row);
        var texts = await rows.AllInnerTextsAsync();
        var index = texts.ToList().FindIndex(text => text.Contains(caseNumber, StringComparison.Ordinal));
        Assert.True(index > 0, $"no row of {caseNumber} below another");
        var selected = Inbox(page).GetByRole(AriaRole.Row, new() { Selected = true });

        for (var i = 0; i < texts.Count; i++) await page.Keyboard.PressAsync("j");
        await Expect(selected).ToHaveTextAsync((await rows.Last.TextContentAsync())!);
        for (var i = index; i < texts.Count - 1; i++) await page.Keyboard.PressAsync("k");
        await Expect(selected).ToContainTextAsync(caseNumber);
        await page.Keyboard.PressAsync("k");
        await Expect(selected).Not.ToContainTextAsync(caseNumber);
        await Expect(Row(page, above)).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("j");
        await Expect(selected).ToContainTextAsync(caseNumber);
    }

    private Task ChooseOutcomeAsync(IPage page, string outcome) =>
        page.GetByRole(AriaRole.Group, new() { Name = Say(page, "处理结果", "Outcomes") })
            .GetByRole(AriaRole.Button, new() { Name = outcome, Exact = true }).ClickAsync();

    /// <summary>
    /// Picks <paramref name="option"/> in the filter labelled <paramref name="label"/>: a native select, or antd's, whose
    /// visible options carry their text as a title (its accessible options are a zero-size window over the list).
    /// </summary>
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        var select = page.GetByLabel(label, new() { Exact = true });
        if (await select.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await select.SelectOptionAsync(new SelectOptionValue { Label = option });
            return;
        }
        await select.ClickAsync();
        await page.GetByTitle(option, new() { Exact = true }).ClickAsync();
    }
}
