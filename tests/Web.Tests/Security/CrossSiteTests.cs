using AfterSales.TestSupport.Mail;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Web.Tests.Security;

/// <summary>
/// A page of another origin on the same host (another port: the same site, so SameSite lets the cookie go along) posts
/// a form to the Host in the signed-in person's browser. The Host refuses it, and the person stays signed in.
/// </summary>
public sealed class CrossSiteTests(WebHost web) : BrowserTest(web)
{
    [Fact]
    public async Task AFormPostedFromAnotherOrigin_IsRefused_AndChangesNothing()
    {
        var page = await NewPageAsync(BrowserTest.English);
        await SignInAsync(page, "aftersales_manager");
        var attacker = $"http://127.0.0.1:{SmtpSink.FreePort()}";
        // Playwright answers for the other origin, so no second server is needed; the browser sees a page of that origin.
        await page.Context.RouteAsync($"{attacker}/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"""
                <form method="post" action="{Web.BaseUrl}/api/auth/logout">
                  <button type="submit">Win a prize</button>
                </form>
                """,
        }));
        var attack = await page.Context.NewPageAsync();
        await attack.GotoAsync($"{attacker}/prize.html");

        var response = await attack.RunAndWaitForResponseAsync(
            () => attack.GetByRole(AriaRole.Button, new() { Name = "Win a prize" }).ClickAsync(),
            r => r.Url.EndsWith("/api/auth/logout", StringComparison.Ordinal));

        Assert.Equal(403, response.Status);
        Assert.Contains("Cross-site request refused", await response.TextAsync());
        var me = await page.APIRequest.GetAsync("/api/auth/me");
        Assert.Equal(200, me.Status);
        await page.ReloadAsync();
        await Expect(MainMenu(page)).ToBeVisibleAsync();
    }
}
