using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Security;

/// <summary>
/// Signing out, changing the password, an admin's reset and disabling end the user's tokens at once, on every Host; a
/// password change keeps the caller signed in with a fresh token.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TokenRevocationTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Logout_RevokesEveryTokenOfTheUser_OnThisHostAndOnAnother()
    {
        var first = await ClientAsAsync("qc");
        var second = await ClientAsAsync("qc");
        await using var otherHost = new HostFactory(Postgres.Cluster.GetConnectionString(DatabaseName));
        var onOtherHost = otherHost.CreateClient().UseToken(second.DefaultRequestHeaders.Authorization!.Parameter!);
        await (await onOtherHost.GetAsync("/api/auth/me")).AssertStatusAsync(HttpStatusCode.OK);

        await (await first.PostAsync("/api/auth/logout", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        await (await first.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await second.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await onOtherHost.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await AnonymousClient().SignInAsync("qc"); // signing in again works
    }

    [Fact]
    public async Task PasswordChange_EndsTheUsersOtherSessions_AndKeepsTheCallerSignedInWithAFreshToken()
    {
        var client = await ClientAsAsync("rnd");
        var oldToken = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var other = await ClientAsAsync("rnd");

        var changed = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = Users.Password, newPassword = "a-new-password-1" });

        await changed.AssertStatusAsync(HttpStatusCode.OK);
        var answer = await changed.ReadJsonAsync();
        Assert.Equal("rnd", answer["user"]!["userName"]!.GetValue<string>());
        var fresh = answer["token"]!.GetValue<string>();
        Assert.StartsWith($"{AuthEndpoints.CookieName}={fresh};", Assert.Single(changed.Headers.GetValues("Set-Cookie")));
        await (await client.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized); // the old token
        await (await other.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await AnonymousClient().UseToken(fresh).GetAsync("/api/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.NotEqual(oldToken, fresh);
        await (await AnonymousClient().PostAsJsonAsync(Users.Login, new { userName = "rnd", password = Users.Password }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await AnonymousClient().SignInAsync("rnd", "a-new-password-1");
    }

    [Fact]
    public async Task PasswordChange_InTheBrowser_ReplacesTheCookie_SoThePageStaysSignedIn_WhileAnotherBrowserIsSignedOut()
    {
        var browser = AnonymousClient(); // keeps the login cookie, sends no Authorization header
        await browser.LoginAsync("pmc");
        var otherBrowser = AnonymousClient();
        await otherBrowser.LoginAsync("pmc");
        using var change = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password")
        {
            Content = JsonContent.Create(new { currentPassword = Users.Password, newPassword = "a-new-password-2" }),
        };
        change.Headers.Add(CrossSiteRequests.RequestedWithHeader, CrossSiteRequests.RequestedWithValue);

        await (await browser.SendAsync(change)).AssertStatusAsync(HttpStatusCode.OK);

        var me = await browser.GetJsonAsync("/api/auth/me");
        Assert.Equal("pmc", me["userName"]!.GetValue<string>());
        await (await otherBrowser.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PasswordChange_Answers400NamingTheField_AndChangesNothing_WhenTheCurrentPasswordIsWrongOrTheNewOneShort()
    {
        var client = await ClientAsAsync("sales");

        await (await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not-it", newPassword = "a-new-password-1" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "currentPassword");
        await (await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = Users.Password, newPassword = "short" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "newPassword");

        await (await client.GetAsync("/api/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
        await AnonymousClient().SignInAsync("sales");
    }
}
