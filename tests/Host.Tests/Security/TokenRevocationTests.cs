using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Security;

/// <summary>Signing out and changing the password end the user's tokens at once, on every Host.</summary>
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
    public async Task PasswordChange_RevokesEveryToken_AndOnlyTheNewPasswordSignsIn()
    {
        var client = await ClientAsAsync("rnd");
        var other = await ClientAsAsync("rnd");

        var changed = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = Users.Password, newPassword = "a-new-password-1" });

        await changed.AssertStatusAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await other.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await AnonymousClient().PostAsJsonAsync(Users.Login, new { userName = "rnd", password = Users.Password }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await AnonymousClient().SignInAsync("rnd", "a-new-password-1");
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
