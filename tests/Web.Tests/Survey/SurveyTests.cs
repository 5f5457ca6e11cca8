using System.Text.RegularExpressions;
using AfterSales.Web.Tests.Cases;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.Survey;

/// <summary>The public survey page, as the customer opens it from the mail on a phone, in the phone's language.</summary>
public sealed partial class SurveyTests(WebHost web) : BrowserTest(web)
{
    // Every text is in the page in both languages, one of them not displayed: compare what a person sees.
    private static readonly LocatorAssertionsToHaveTextOptions Shown = new() { UseInnerText = true };

    private readonly CaseApi _api = new(web);

    [Theory]
    [InlineData(Chinese)]
    [InlineData(English)]
    public async Task TheCustomer_AnswersTheSurveyFromTheMail_OnAPhone_Once(string locale)
    {
        var (number, link) = await ResolveWithSurveyAsync();
        var phone = await NewPhonePageAsync(locale);
        // The same link opened twice before answering: a second tab, or the mail opened again.
        var again = await NewPhonePageAsync(locale);
        await phone.GotoAsync(link);
        await again.GotoAsync(link);

        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = Say(phone, "客户满意度调查", "Customer satisfaction survey") }))
            .ToBeVisibleAsync();
        await Expect(phone.GetByText(number)).ToBeVisibleAsync();
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", locale == Chinese ? "zh-CN" : "en");
        await AssertFitsTheScreenAsync(phone);
        await ScreenshotAsync(phone, $"survey.open.{locale}");

        // A person taps the rating's card; the radio inside it is only drawn by the card.
        await phone.GetByText(Say(phone, "非常满意", "Excellent"), new() { Exact = true }).TapAsync();
        await Expect(phone.GetByLabel(Say(phone, "非常满意", "Excellent"))).ToBeCheckedAsync();
        await phone.GetByLabel(Say(phone, "意见与建议", "Comments")).FillAsync("工程师很耐心 Very patient engineer");
        await phone.GetByLabel(Say(phone, "愿意向他人推荐我们", "I would recommend you to others")).TapAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = Say(phone, "提交", "Submit") }).TapAsync();

        await Expect(phone.GetByRole(AriaRole.Status)).ToHaveTextAsync(Say(phone, "感谢您的反馈！", "Thank you for your feedback!"), Shown);
        await Expect(phone.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await AssertFitsTheScreenAsync(phone);
        await ScreenshotAsync(phone, $"survey.thanks.{locale}");

        // The other tab still shows the form: its answer is refused, and it says why.
        await again.GetByText(Say(again, "一般", "Fair"), new() { Exact = true }).TapAsync();
        await again.GetByRole(AriaRole.Button, new() { Name = Say(again, "提交", "Submit") }).TapAsync();
        await Expect(again.GetByRole(AriaRole.Status))
            .ToHaveTextAsync(Say(again, "您已提交过本次调查。", "You have answered this survey already."), Shown);
        await ScreenshotAsync(again, $"survey.refused.{locale}");

        // Opened once more later, the link says it is used, and shows no form.
        await again.GotoAsync(link);
        await Expect(again.GetByRole(AriaRole.Status))
            .ToHaveTextAsync(Say(again, "您已提交过本次调查，谢谢！", "You have answered this survey already. Thank you!"), Shown);
        await Expect(again.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await ScreenshotAsync(again, $"survey.answered.{locale}");
    }

    [Fact]
    public async Task TheLanguageSwitch_ShowsThePageInTheOtherLanguage()
    {
        var (_, link) = await ResolveWithSurveyAsync();
        var phone = await NewPhonePageAsync(Chinese);
        await phone.GotoAsync(link);

        await phone.GetByRole(AriaRole.Navigation, new() { Name = "语言 Language" }).GetByRole(AriaRole.Link, new() { Name = "English" })
            .TapAsync();

        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Customer satisfaction survey" })).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "客户满意度调查" })).ToHaveCountAsync(0);
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Submit" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// A complaint answered by email and so resolved: the platform mails the customer the survey link. Answers the
    /// case number and the link as the mail carries it.
    /// </summary>
    private async Task<(string Number, string Link)> ResolveWithSurveyAsync()
    {
        var email = $"customer-{Guid.NewGuid():N}@kaiyuan.example";
        var (caseId, number) = await _api.OpenComplaintAsync("赵磊 Zhao Lei", email: email);
        await _api.CompleteAsync(caseId, "aftersales", "Done");
        await _api.CompleteAsync(caseId, "aftersales", "Simple");
        await _api.CompleteAsync(caseId, "aftersales", "Email");

        for (var attempt = 0; attempt < 100; attempt++)
        {
            var mail = Mails().FirstOrDefault(m => m.To.ToString().Contains(email, StringComparison.Ordinal)
                && SurveyLink().IsMatch(m.TextBody ?? ""));
            if (mail is not null)
            {
                var link = SurveyLink().Match(mail.TextBody!).Value;
                Assert.StartsWith($"{Web.BaseUrl}/survey/", link, StringComparison.Ordinal);
                return (number, link);
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"no survey mail to {email}");
    }

    /// <summary>Nothing wider than the phone: no sideways scrolling.</summary>
    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide on a 390px screen");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/survey/[A-Za-z0-9_\-]+")]
    private static partial Regex SurveyLink();
}
