using System.Net;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Security;

/// <summary>
/// A write signed in by the login cookie alone must come from this origin: SameSite=Strict does not stop another port or a
/// sibling subdomain, whose pages the browser counts as the same site.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrossSiteRequestTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task CookieWrite_FromAnotherOrigin_IsRefused_AndChangesNothing_WhileTheSameOriginPasses()
    {
        await Client.PostAsync(Api.Definitions, Api.Json(Samples.Approval("cross-site")));
        var versions = $"{Api.Definitions}/cross-site/versions";
        var before = await (await Client.GetAsync(versions)).Content.ReadAsStringAsync();
        var browser = AnonymousClient(); // keeps the login cookie, sends no Authorization header
        await browser.LoginAsync(Roles.ProcessOwner);
        var publish = $"{Api.Definitions}/cross-site/publish";

        var sameSite = await browser.SendAsync(Post(publish, ("Sec-Fetch-Site", "same-site")));
        var otherPort = await browser.SendAsync(Post(publish, ("Origin", "http://localhost:5081")));
        var noEvidence = await browser.SendAsync(Post(publish));

        await sameSite.AssertProblemAsync(HttpStatusCode.Forbidden);
        await otherPort.AssertProblemAsync(HttpStatusCode.Forbidden);
        await noEvidence.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await (await Client.GetAsync(versions)).Content.ReadAsStringAsync());

        await (await browser.SendAsync(Post(publish, ("Sec-Fetch-Site", "same-origin"), ("Origin", "http://localhost"))))
            .AssertStatusAsync(HttpStatusCode.OK);
        await (await browser.PostAsync($"{Api.Definitions}/cross-site/retract", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await browser.SendAsync(Post($"{Api.Definitions}/cross-site/retract",
            (CrossSiteRequests.RequestedWithHeader, CrossSiteRequests.RequestedWithValue)))).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HangfireDashboardWrite_ByAnAdminsCookie_IsRefusedFromAnotherSite_AndReachesTheDashboardFromItsOwnPages()
    {
        var browser = AnonymousClient();
        await browser.LoginAsync(Roles.Admin);

        var crossSite = await browser.SendAsync(Post("/hangfire/recurring/trigger", ("Sec-Fetch-Site", "cross-site")));
        var sameOrigin = Post("/hangfire/recurring/trigger", ("Sec-Fetch-Site", "same-origin"));
        sameOrigin.Content = new FormUrlEncodedContent([new("jobs[]", "no-such-job")]); // what the dashboard's button posts
        var fromDashboard = await browser.SendAsync(sameOrigin);

        await crossSite.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(fromDashboard.IsSuccessStatusCode, $"The dashboard's own post got {(int)fromDashboard.StatusCode}.");
    }

    [Fact]
    public async Task BearerClients_AreNotConcerned()
    {
        await Client.PostAsync(Api.Definitions, Api.Json(Samples.Approval("cross-site-bearer")));

        var published = await Client.SendAsync(Post($"{Api.Definitions}/cross-site-bearer/publish", ("Sec-Fetch-Site", "cross-site")));

        await published.AssertStatusAsync(HttpStatusCode.OK);
    }

    private static HttpRequestMessage Post(string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
