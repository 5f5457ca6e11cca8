using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Auth;

/// <summary>No change leaves the install without an enabled admin: someone must always be able to administer
/// users.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LastAdminTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task TheLastEnabledAdmin_KeepsTheAdminRole_AndCannotBeDisabled_WhileAnotherAdminMayLoseIt()
    {
        // Two admins to start with: the seeded one and the tester (every role).
        await (await Client.PostAsync("/api/users/admin/disable", null)).AssertStatusAsync(HttpStatusCode.OK);
        await (await Client.PostAsJsonAsync("/api/users", new
        {
            userName = "second.admin", displayName = "Second", roles = new[] { Roles.Admin },
                password = "second-admin-1",
        })).AssertStatusAsync(HttpStatusCode.Created);
        var second = await ClientAsAsync("second.admin", "second-admin-1");
        await (await second.PutAsJsonAsync("/api/users/second.admin/roles", new { roles = new[] { "qc" } }))
            .AssertStatusAsync(HttpStatusCode.OK); // the tester is still an admin
        var testerRoles = Roles.All.Select(r => r.Role).Where(r => r != Roles.Admin).ToArray();

        var demoted = await Client.PutAsJsonAsync($"/api/users/{Users.Tester}/roles", new { roles = testerRoles });
        var disabledByAnother = await Client.PostAsync($"/api/users/{Users.Tester}/disable", null);

        await demoted.AssertProblemAsync(HttpStatusCode.Conflict);
        await disabledByAnother.AssertProblemAsync(HttpStatusCode.Conflict); // and it is the tester themself
        var tester = await Client.GetJsonAsync($"/api/users/{Users.Tester}");
        Assert.Contains(Roles.Admin, tester["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(tester["disabled"]!.GetValue<bool>());
        // A disabled admin does not count: enabling the seeded one makes the tester's role free to go.
        await (await Client.PostAsync("/api/users/admin/enable", null)).AssertStatusAsync(HttpStatusCode.OK);
        await (await Client.PutAsJsonAsync($"/api/users/{Users.Tester}/roles", new { roles = testerRoles }))
            .AssertStatusAsync(HttpStatusCode.OK);
    }
}
