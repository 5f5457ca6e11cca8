using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Security;

/// <summary>Sign-in attempts from one client address are limited, whichever users they name.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LoginAddressThrottleTests(PostgresFixture postgres, LoginAddressThrottleTests.LowAddressLimit host)
    : HostTest<LoginAddressThrottleTests.LowAddressLimit>(postgres, host)
{
    public sealed class LowAddressLimit : HostFixture
    {
        // The fixture's own sign-in as the tester is the first of the three.
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Auth:LoginAttemptsPerAddress"] = "3",
            ["Auth:LoginAddressWindow"] = "01:00:00",
        };
    }

    [Fact]
    public async Task Login_Answers429WithRetryAfter_AfterTooManyAttemptsFromOneAddress()
    {
        var client = AnonymousClient();
        await (await client.PostAsJsonAsync(Users.Login, new { userName = "nobody", password = "wrong" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsJsonAsync(Users.Login, new { userName = "someone", password = "wrong" })).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var throttled = await client.PostAsJsonAsync(Users.Login, new { userName = "gm", password = Users.Password });

        await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        Assert.False(throttled.Headers.Contains("Set-Cookie"));
    }
}
