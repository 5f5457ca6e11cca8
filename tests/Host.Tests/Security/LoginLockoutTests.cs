using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Security;

/// <summary>Repeated failed sign-ins lock the user (in the database, so on every Host) until the lock ends or an admin lifts it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LoginLockoutTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    private const int Failures = 5; // Auth:LockoutFailures' default

    [Fact]
    public async Task Login_Answers429WithRetryAfter_AfterRepeatedFailures_AndRefusesTheRightPasswordWhileLocked()
    {
        var client = AnonymousClient();
        for (var i = 1; i < Failures; i++)
            await (await client.PostAsJsonAsync(Users.Login, new { userName = "repair", password = "wrong" })).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var locking = await client.PostAsJsonAsync(Users.Login, new { userName = "repair", password = "wrong" });
        var rightPassword = await client.PostAsJsonAsync(Users.Login, new { userName = "repair", password = Users.Password });
        await using var otherHost = new HostFactory(Postgres.Cluster.GetConnectionString(DatabaseName));
        var onOtherHost = await otherHost.CreateClient().PostAsJsonAsync(Users.Login, new { userName = "repair", password = Users.Password });

        await locking.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await rightPassword.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await onOtherHost.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = rightPassword.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15)); // Auth:LockoutDuration's default
        Assert.False(rightPassword.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Unlock_ByAnAdmin_LetsTheLockedUserSignInAgain_AndIsRefusedToOtherRoles()
    {
        var client = AnonymousClient();
        for (var i = 0; i < Failures; i++) await client.PostAsJsonAsync(Users.Login, new { userName = "warehouse", password = "wrong" });
        await (await client.PostAsJsonAsync(Users.Login, new { userName = "warehouse", password = Users.Password }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);

        var sales = await ClientAsAsync("sales");
        await (await sales.PostAsync("/api/users/warehouse/unlock", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var admin = await ClientAsAsync(Roles.Admin);
        await (await admin.PostAsync("/api/users/no-such-user/unlock", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync("/api/users/warehouse/unlock", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        await AnonymousClient().SignInAsync("warehouse");
    }

    [Fact]
    public async Task Login_ForgetsEarlierFailures_AfterASuccess()
    {
        var client = AnonymousClient();
        for (var i = 1; i < Failures; i++) await client.PostAsJsonAsync(Users.Login, new { userName = "qc", password = "wrong" });
        await AnonymousClient().SignInAsync("qc");

        for (var i = 1; i < Failures; i++)
            await (await client.PostAsJsonAsync(Users.Login, new { userName = "qc", password = "wrong" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await AnonymousClient().SignInAsync("qc");
    }
}
