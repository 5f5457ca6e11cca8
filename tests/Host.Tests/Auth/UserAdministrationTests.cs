using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Auth;

/// <summary>Admins list, create, give roles to, reset, disable and enable users; the roles list is for
/// everyone.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UserAdministrationTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    private const string UsersUrl = "/api/users";

    [Fact]
    public async Task CreateUser_AnswersTheUser_WhoThenSignsInWithItsRolesAndPassword()
    {
        var admin = await ClientAsAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync(UsersUrl, new
        {
            userName = "wang.fang", displayName = "王芳", email = "wang.fang@example.com", roles = new[] { "sales",
                "qc" },
            password = "first-password-1",
        });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("/api/users/wang.fang", response.Headers.Location?.ToString());
        var created = await response.ReadJsonAsync();
        Assert.Equal("王芳", created.Text("displayName"));
        Assert.Equal("wang.fang@example.com", created.Text("email"));
        Assert.Equal(["sales", "qc"], Names(created["roles"]));
        Assert.False(created["disabled"]!.GetValue<bool>());
        Assert.InRange(created["createdAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(-1),
            DateTimeOffset.UtcNow);
        var me = await (await ClientAsAsync("wang.fang", "first-password-1")).GetJsonAsync("/api/auth/me");
        Assert.Equal(["sales", "qc"], Names(me["roles"]));
        Assert.Equal("王芳", (await admin.GetJsonAsync($"{UsersUrl}/wang.fang")).Text("displayName"));
    }

    [Fact]
    public async Task CreateUser_Answers409_AndChangesNothing_WhenTheUserNameIsTaken()
    {
        var before = await Client.GetJsonAsync($"{UsersUrl}/sales");

        var response = await Client.PostAsJsonAsync(UsersUrl, new
        {
            userName = "sales", displayName = "Someone else", roles = new[] { "admin" },
                password = "another-password-1",
        });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before.ToJsonString(), (await Client.GetJsonAsync($"{UsersUrl}/sales")).ToJsonString());
        await AnonymousClient().SignInAsync("sales");
    }

    [Fact]
    public async Task CreateUser_Answers400NamingEveryBadField_AndCreatesNobody()
    {
        var response = await Client.PostAsync(UsersUrl, Api.Json("""
            {"userName":"Li Lei","displayName":"","email":"not-an-address","roles":["sales","nope","sales"],
             "password":"short"}
            """));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["displayName", "email", "password", "roles[1]", "roles[2]", "userName"], errors);
        await (await Client.GetAsync($"{UsersUrl}/{Uri.EscapeDataString("Li Lei")}"))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        await (await Client.PostAsync(UsersUrl,
                Api.Json("""{"userName":"li.lei","displayName":"Li","roles":[],"password":7}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "roles");
        await (await Client.PostAsync(UsersUrl,
                Api.Json("""{"userName":"li.lei","displayName":"Li","roles":"qc","password":7}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        await (await Client.GetAsync($"{UsersUrl}/li.lei")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListUsers_FiltersByTextRoleAndDisabled_AndPages()
    {
        await CreateAsync("list.one", "Zhao Listed", ["repair"]);
        await CreateAsync("list.two", "Qian Listed", ["repair", "qc"]);
        await CreateAsync("list.three", "Sun Listed", ["warehouse"]);
        await (await Client.PostAsync($"{UsersUrl}/list.two/disable", null)).AssertStatusAsync(HttpStatusCode.OK);

        var byText = await Client.GetJsonAsync($"{UsersUrl}?text=LISTED");
        var repairers = await Client.GetJsonAsync($"{UsersUrl}?text=listed&role=repair");
        var disabled = await Client.GetJsonAsync($"{UsersUrl}?text=list.&disabled=true");
        var firstPage = await Client.GetJsonAsync($"{UsersUrl}?text=listed&pageSize=2");
        var secondPage = await Client.GetJsonAsync($"{UsersUrl}?text=listed&pageSize=2&page=2");

        Assert.Equal(["list.one", "list.three", "list.two"], UserNames(byText));
        Assert.Equal(["list.one", "list.two"], UserNames(repairers));
        var onlyDisabled = Assert.Single(disabled["items"]!.AsArray())!;
        Assert.Equal("list.two", onlyDisabled.Text("userName"));
        Assert.True(onlyDisabled["disabled"]!.GetValue<bool>());
        Assert.NotNull(onlyDisabled["disabledAt"]?.GetValue<DateTimeOffset>());
        Assert.Equal(["list.one", "list.three"], UserNames(firstPage));
        Assert.Equal(["list.two"], UserNames(secondPage));
        Assert.Equal(3, secondPage["total"]!.GetValue<long>());
        Assert.Equal(2, secondPage["page"]!.GetValue<int>());
        await (await Client.GetAsync($"{UsersUrl}?role=boss")).AssertProblemAsync(HttpStatusCode.BadRequest, "role");
        await (await Client.GetAsync($"{UsersUrl}?pageSize=0")).AssertProblemAsync(HttpStatusCode.BadRequest,
            "pageSize");
    }

    [Fact]
    public async Task SetRoles_TakesEffectAtTheUsersNextRequest_WithoutSigningItOut()
    {
        await CreateAsync("role.change", "Role Change", ["qc"]);
        var user = await ClientAsAsync("role.change", InitialPassword);

        var response = await Client.PutAsJsonAsync($"{UsersUrl}/role.change/roles", new { roles = new[] { "warehouse",
            "gm" } });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(["warehouse", "gm"], Names((await response.ReadJsonAsync())["roles"]));
        Assert.Equal(["warehouse", "gm"], Names((await user.GetJsonAsync("/api/auth/me"))["roles"]));
    }

    [Fact]
    public async Task SetRoles_Answers400NamingTheRole_404ForAnUnknownUser_AndChangesNothing()
    {
        await CreateAsync("role.keep", "Role Keep", ["qc"]);

        await (await Client.PutAsJsonAsync($"{UsersUrl}/role.keep/roles", new { roles = new[] { "qc", "superuser" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "roles[1]");
        await (await Client.PutAsJsonAsync($"{UsersUrl}/role.keep/roles", new { roles = Array.Empty<string>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "roles");
        await (await Client.PutAsJsonAsync($"{UsersUrl}/nobody.here/roles", new { roles = new[] { "qc" } }))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(["qc"], Names((await Client.GetJsonAsync($"{UsersUrl}/role.keep"))["roles"]));
    }

    [Fact]
    public async Task ResetPassword_EndsTheUsersSessions_LiftsItsLock_AndOnlyTheNewPasswordSignsIn()
    {
        await CreateAsync("reset.me", "Reset Me", ["sales"]);
        var user = await ClientAsAsync("reset.me", InitialPassword);
        for (var i = 0; i < 5; i++)
            await AnonymousClient().PostAsJsonAsync(Users.Login, new { userName = "reset.me",
                password = "wrong-guess" });
        Assert.NotNull((await Client.GetJsonAsync($"{UsersUrl}/reset.me"))["lockedUntil"]?.GetValue<DateTimeOffset>());

        var response = await Client.PostAsJsonAsync($"{UsersUrl}/reset.me/password",
            new { password = "told-by-admin-1" });

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        await (await user.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null((await Client.GetJsonAsync($"{UsersUrl}/reset.me"))["lockedUntil"]);
        await (await AnonymousClient().PostAsJsonAsync(Users.Login, new { userName = "reset.me",
            password = InitialPassword }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await AnonymousClient().SignInAsync("reset.me", "told-by-admin-1");
    }

    [Fact]
    public async Task ResetPassword_Answers400NamingThePassword_WhenItIsTooShort_AndKeepsTheOldOne()
    {
        await CreateAsync("reset.short", "Reset Short", ["sales"]);

        await (await Client.PostAsJsonAsync($"{UsersUrl}/reset.short/password", new { password = "1234567" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "password");

        await AnonymousClient().SignInAsync("reset.short", InitialPassword);
    }

    [Fact]
    public async Task Disable_RefusesTheUsersTokenAndCookieAtOnce_AndItsSignIn_UntilEnabled()
    {
        await CreateAsync("disable.me", "Disable Me", ["aftersales"]);
        var api = await ClientAsAsync("disable.me", InitialPassword);
        var browser = AnonymousClient();
        await browser.LoginAsync("disable.me", InitialPassword);

        var response = await Client.PostAsync($"{UsersUrl}/disable.me/disable", null);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.True((await response.ReadJsonAsync())["disabled"]!.GetValue<bool>());
        await (await api.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await browser.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var signIn = await AnonymousClient().PostAsJsonAsync(Users.Login, new { userName = "disable.me",
            password = InitialPassword });
        var unknown = await AnonymousClient().PostAsJsonAsync(Users.Login, new { userName = "no.such.user",
            password = InitialPassword });
        Assert.Equal((await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>(),
            (await signIn.AssertProblemAsync(HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>());

        var enabled = await Client.PostAsync($"{UsersUrl}/disable.me/enable", null);

        await enabled.AssertStatusAsync(HttpStatusCode.OK);
        Assert.False((await enabled.ReadJsonAsync())["disabled"]!.GetValue<bool>());
        await (await api.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized); // revoked for good
        await AnonymousClient().SignInAsync("disable.me", InitialPassword);
    }

    [Fact]
    public async Task Token_IsRefused_WhileItsUserIsDisabled_EvenWhenAnOperatorDisabledItInSql()
    {
        await CreateAsync("sql.disabled", "Sql Disabled", ["qc"]);
        var user = await ClientAsAsync("sql.disabled", InitialPassword);
        var contexts = Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
            await db.Users.Where(u => u.UserName == "sql.disabled")
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTimeOffset.UtcNow));

        await (await user.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Disable_Answers409_ToAnAdminDisablingThemself_And404ForAnUnknownUser()
    {
        var admin = await ClientAsAsync(Roles.Admin);

        await (await admin.PostAsync($"{UsersUrl}/admin/disable", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"{UsersUrl}/nobody.here/disable",
            null)).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await admin.GetAsync("/api/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EveryUserRoute_Answers403ToANonAdmin_AndChangesNothing()
    {
        var manager = await ClientAsAsync("aftersales_manager");

        await (await manager.GetAsync(UsersUrl)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsJsonAsync(UsersUrl, new
        {
            userName = "sneaky", displayName = "Sneaky", roles = new[] { "admin" }, password = "sneaky-password-1",
        })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PutAsJsonAsync($"{UsersUrl}/aftersales_manager/roles", new { roles = new[] { "admin" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsJsonAsync($"{UsersUrl}/sales/password", new { password = "taken-over-1" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsync($"{UsersUrl}/sales/disable", null)).AssertProblemAsync(HttpStatusCode.Forbidden);

        await (await Client.GetAsync($"{UsersUrl}/sneaky")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["aftersales_manager"], Names((await manager.GetJsonAsync("/api/auth/me"))["roles"]));
        await AnonymousClient().SignInAsync("sales");
    }

    [Fact]
    public async Task Roles_ListsEveryRoleWithItsChineseAndEnglishName_ToAnySignedInUser()
    {
        var roles = (await (await ClientAsAsync("warehouse")).GetJsonAsync("/api/roles")).AsArray();

        Assert.Equal(Roles.All.Select(r => r.Role), roles.Select(r => r.Text("name")));
        var aftersales = roles.Single(r => r.Text("name") == "aftersales")!;
        Assert.Equal("售后部", aftersales.Text("zh"));
        Assert.Equal("After-sales", aftersales.Text("en"));
    }

    private const string InitialPassword = "initial-password-1";

    private async Task CreateAsync(string userName, string displayName, string[] roles)
    {
        var response = await Client.PostAsJsonAsync(UsersUrl, new { userName, displayName, roles,
            password = InitialPassword });
        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    private static string[] Names(JsonNode? list) => [.. list!.AsArray().Select(r => r!.GetValue<string>())];

    private static string[] UserNames(JsonNode page) => [.. page["items"]!.AsArray().Select(u => u.Text("userName"))];
}
