using System.Text.RegularExpressions;
using AfterSales.Web.Tests.Cases;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.Tasks;

/// <summary>The task page asks for the reason an outcome needs before it submits, not after the server refused.</summary>
public sealed class TaskReasonTests(WebHost web) : BrowserTest(web)
{
    private readonly CaseApi _api = new(web);

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task RejectingAReturn_AsksForTheReasonBeforeSubmitting_ThenCompletesTheTask(string locale)
    {
        var (caseId, _) = await _api.OpenComplaintAsync($"Reason {Guid.NewGuid():N}"[..16], "return_goods");
        await _api.CompleteAsync(caseId, "aftersales", "Done");
        var review = await _api.WaitForTaskAsync(caseId, "sales");
        var page = await NewPageAsync(locale);
        await SignInAsync(page, "sales");
        var completions = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/complete", StringComparison.Ordinal)) completions.Add(request.Url);
        };
        await page.GotoAsync($"/tasks/{review}");
        var reason = page.GetByLabel(Say(page, "原因", "Reason"), new() { Exact = true });
        var reject = page.GetByRole(AriaRole.Button, new() { Name = Say(page, "拒绝", "Reject") });
        await Expect(reject).ToBeVisibleAsync();
        await Expect(reason).ToHaveCountAsync(0);

        await reject.ClickAsync();

        await Expect(reason).ToBeFocusedAsync();
        await Expect(page.GetByText(Say(page, "选择“拒绝”需要填写原因", "“Reject” needs a reason"))).ToBeVisibleAsync();
        Assert.Empty(completions);
        await ScreenshotAsync(page, $"tasks.reason-asked.{locale}");

        await reason.FillAsync("Past the 30-day return period");
        await reject.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        Assert.Single(completions);
    }
}
