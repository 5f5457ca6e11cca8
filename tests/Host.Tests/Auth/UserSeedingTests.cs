using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Auth;

[Collection(PostgresCollection.Name)]
public sealed partial class UserSeedingTests(PostgresFixture postgres)
{
    [Fact]
    public async Task FirstStart_CreatesOneUserPerRole_NamedAfterIt_WithTheSeedPassword()
    {
        var database = await postgres.CreateDatabaseAsync("host_user_seeding");
        await using var factory = new HostFactory(database, settings: new Dictionary<string, string?> { ["Mail:Users:gm"] = "boss@example.com" });
        using var client = factory.CreateClient();

        foreach (var (role, _) in Roles.All)
        {
            var user = (await client.LoginAsync(role, Users.Password))["user"]!;
            Assert.Equal([role], user["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        }
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContextAsync();
        var users = await db.Users.OrderBy(u => u.UserName).ToListAsync();
        Assert.Equal(Roles.All.Select(r => r.Role).Order(StringComparer.Ordinal), users.Select(u => u.UserName).Order(StringComparer.Ordinal));
        Assert.Equal("boss@example.com", users.Single(u => u.UserName == "gm").Email);
        Assert.Equal("sales@aftersales.local", users.Single(u => u.UserName == "sales").Email);
        Assert.All(users, u => Assert.StartsWith("pbkdf2-sha256$v1$", u.PasswordHash));
        Assert.Equal(users.Count, users.Select(u => u.PasswordHash).Distinct().Count()); // a salt of its own each
    }

    [Fact]
    public async Task LaterStart_KeepsTheUsers_AndAppliesTheConfiguredAddresses()
    {
        var database = await postgres.CreateDatabaseAsync("host_user_seeding_later");
        await using (var first = new HostFactory(database))
            await first.CreateClient().LoginAsync("sales");

        await using var second = new HostFactory(database, settings: new Dictionary<string, string?>
        {
            ["Seed:Password"] = "another-password",
            ["Mail:Users:sales"] = "li.lei@example.com",
        });
        using var client = second.CreateClient();

        var me = await (await client.SignInAsync("sales", Users.Password)).GetJsonAsync("/api/auth/me");
        Assert.Equal("li.lei@example.com", me["email"]!.GetValue<string>());
        var refused = await client.PostAsJsonAsync(Users.Login, new { userName = "sales", password = "another-password" });
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FirstStart_WithoutASeedPassword_LogsAGeneratedOneOnce_EvenWhenTwoHostsStartTogether()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:AfterSales"] = await postgres.CreateDatabaseAsync("host_user_seeding_random"),
            ["Workflows:SeedFolder"] = HostFactory.NoSeeds,
        };
        string password;
        var (a, b) = await StartTogetherAsync(settings);
        await using (a)
        await using (b)
        {
            var printed = new[] { a.Output, b.Output }.Select(o => GeneratedPassword().Matches(o)).ToList();
            Assert.True(printed.Sum(m => m.Count) == 1, $"Expected the password once. Outputs:\n{a.Output}\n---\n{b.Output}");
            password = printed.Single(m => m.Count == 1)[0].Groups[1].Value;
            Assert.Matches("^[A-Za-z0-9]{20}$", password);
            // Every role's user signs in with it, on either Host, and either Host accepts the other's tokens.
            var token = (await a.Client.LoginAsync("aftersales", password))["token"]!.GetValue<string>();
            var me = await b.Client.UseToken(token).GetJsonAsync("/api/auth/me");
            Assert.Equal("aftersales", me["userName"]!.GetValue<string>());
            await b.Client.LoginAsync(Roles.Admin, password);
        }

        await using var again = await HostProcess.StartAsync(settings);
        Assert.DoesNotMatch(GeneratedPassword(), again.Output);
        Assert.DoesNotContain(password, again.Output);
        await again.Client.LoginAsync("gm", password);
    }

    private static async Task<(HostProcess, HostProcess)> StartTogetherAsync(IReadOnlyDictionary<string, string> settings)
    {
        Task<HostProcess>[] starting = [HostProcess.StartAsync(settings), HostProcess.StartAsync(settings)];
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully)) await started.Result.DisposeAsync();
            throw;
        }
        return (starting[0].Result, starting[1].Result);
    }

    [GeneratedRegex("generated password ([A-Za-z0-9]+)")]
    private static partial Regex GeneratedPassword();
}
