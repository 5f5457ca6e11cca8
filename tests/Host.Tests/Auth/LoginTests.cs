using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Auth;

[Collection(PostgresCollection.Name)]
public sealed class LoginTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Login_AnswersATokenAndTheUser_AndSetsAnHttpOnlyStrictCookieWithTheSameToken()
    {
        var client = AnonymousClient();

        var response = await client.PostAsJsonAsync(Users.Login, new { userName = "sales", password = Users.Password });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var login = await response.ReadJsonAsync();
        var token = login["token"]!.GetValue<string>();
        Assert.Equal(3, token.Split('.').Length);
        var expiresAt = login["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(7.9), TimeSpan.FromHours(8)); // Auth:TokenLifetime's default
        Assert.Equal("sales", login["user"]!["userName"]!.GetValue<string>());
        Assert.Equal(["sales"], login["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(login["user"]!["displayName"]!.GetValue<string>()));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{AuthEndpoints.CookieName}={token};", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_Answers401Problem_ForAWrongPasswordAndForAnUnknownUser_WithTheSameMessage()
    {
        var client = AnonymousClient();

        var wrongPassword = await client.PostAsJsonAsync(Users.Login, new { userName = "sales", password = "not-the-password" });
        var unknownUser = await client.PostAsJsonAsync(Users.Login, new { userName = "nobody", password = Users.Password });

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownUser.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(first["detail"]!.GetValue<string>(), second["detail"]!.GetValue<string>());
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Login_Answers400Problem_NamingTheMissingField()
    {
        var response = await AnonymousClient().PostAsJsonAsync(Users.Login, new { userName = "sales" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task ProtectedEndpoint_Answers401Problem_WithoutAToken()
    {
        var response = await AnonymousClient().GetAsync(Api.Definitions);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("/api/auth/login", problem["detail"]!.GetValue<string>());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task ProtectedEndpoint_Answers401Problem_ForATokenSignedWithAnotherKey()
    {
        var token = (await AnonymousClient().LoginAsync("sales"))["token"]!.GetValue<string>();
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";

        var response = await AnonymousClient().UseToken(forged).GetAsync(Api.Definitions);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_IsRefused_OnceItsUsersPasswordHasChanged()
    {
        var client = await ClientAsAsync("warehouse");
        await (await client.GetAsync("/api/auth/me")).AssertStatusAsync(HttpStatusCode.OK);

        await using (var db = await Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContextAsync())
            await db.Users.Where(u => u.UserName == "warehouse")
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, PasswordHasher.Hash("a-new-password")));

        await (await client.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await AnonymousClient().SignInAsync("warehouse", "a-new-password");
    }

    [Fact]
    public async Task DefinitionWrite_Answers403Problem_ForAUserWithoutTheProcessOwnerRole()
    {
        var sales = await ClientAsAsync("sales");

        var response = await sales.PostAsync(Api.Definitions, Api.Json(Samples.Approval("sales-may-not")));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(Roles.ProcessOwner, problem["detail"]!.GetValue<string>());
        // Reading is for everyone signed in.
        await (await sales.GetAsync(Api.Definitions)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DefinitionWrites_AreAllowedToTheProcessOwner()
    {
        var owner = await ClientAsAsync(Roles.ProcessOwner);

        await owner.PublishAsync(Samples.Approval("owner-may"));

        var retracted = await owner.PostAsync($"{Api.Definitions}/owner-may/retract", null);
        await retracted.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InstanceOperations_AreForAdminsAndProcessOwners_NotForOtherRoles()
    {
        var (id, bookmark) = await Client.StartApprovalAsync("operations");
        var aftersales = await ClientAsAsync("aftersales");
        var admin = await ClientAsAsync(Roles.Admin);

        await (await aftersales.PostAsync(Api.ResumeUrl(id, bookmark), Api.Json("""{ "outcome": "Approve" }""")))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await aftersales.PostAsync($"{Api.Instances}/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await aftersales.PostAsync($"{Api.Instances}/{id}/retry", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await aftersales.PostAsync($"{Api.Instances}/{id}/signals/goods-received", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        // Reading instances too (issue 7): their variables hold case data; people read cases and tasks.
        await (await aftersales.GetAsync($"{Api.Instances}/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await aftersales.PostAsJsonAsync(Api.Instances, new { definitionId = "operations", input = new { caseNumber = "RMA-2" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync($"{Api.Instances}/{id}")).AssertStatusAsync(HttpStatusCode.OK);

        await (await admin.PostAsync($"{Api.Instances}/{id}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);
        // The admin holds admin only: changing definitions is the process owner's.
        await (await admin.PostAsync($"{Api.Definitions}/operations/retract", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cookie_AuthenticatesTheBrowser_AndLogoutClearsIt()
    {
        var browser = AnonymousClient(); // keeps the cookies it is sent, sends no Authorization header
        await browser.LoginAsync("gm");

        var me = await browser.GetJsonAsync("/api/auth/me");
        Assert.Equal("gm", me["userName"]!.GetValue<string>());
        Assert.Equal(["gm"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        // Issue 7: a write signed in by the cookie alone shows it is the web app's (X-Requested-With), or a browser's Sec-Fetch-Site.
        browser.DefaultRequestHeaders.Add(CrossSiteRequests.RequestedWithHeader, CrossSiteRequests.RequestedWithValue);
        var logout = await browser.PostAsync("/api/auth/logout", null);
        await logout.AssertStatusAsync(HttpStatusCode.NoContent);
        await (await browser.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_AnswersTheSignedInUser_FromTheBearerToken()
    {
        var client = await ClientAsAsync("qc");

        var me = await client.GetJsonAsync("/api/auth/me");

        Assert.Equal("qc", me["userName"]!.GetValue<string>());
        Assert.Equal("qc@aftersales.local", me["email"]!.GetValue<string>());
        Assert.Equal(["qc"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task PublicEndpoints_AnswerWithoutAToken_AndTheOpenApiDocumentDoesNot()
    {
        var anonymous = AnonymousClient();

        await (await anonymous.GetAsync("/api/health")).AssertStatusAsync(HttpStatusCode.OK);
        await (await anonymous.PostAsync("/api/auth/logout", null)).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await anonymous.GetAsync("/openapi/v1.json")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/no-such-thing")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
