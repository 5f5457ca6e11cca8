using System.Net;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Auth;

/// <summary>Hosts of one install accept each other's tokens when they share Auth:SigningKey (the signing secret is not in the database).</summary>
[Collection(PostgresCollection.Name)]
public sealed class TokenSharingTests(PostgresFixture postgres)
{
    private const string Key = "0123456789abcdef0123456789abcdef-one";

    [Fact]
    public async Task Token_IssuedByOneHost_IsAcceptedByAnotherWithTheSameSigningKey_AndRefusedByOneWithAnother()
    {
        var database = await postgres.CreateDatabaseAsync("host_token_sharing");
        await using var a = new HostFactory(database, settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = Key });
        await using var b = new HostFactory(database, settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = Key });
        await using var other = new HostFactory(database, settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = Key + "-other" });
        var token = (await a.CreateClient().LoginAsync("repair"))["token"]!.GetValue<string>();

        var me = await b.CreateClient().UseToken(token).GetJsonAsync("/api/auth/me");
        var refused = await other.CreateClient().UseToken(token).GetAsync("/api/auth/me");

        Assert.Equal("repair", me["userName"]!.GetValue<string>());
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Host_RefusesToStart_WithATooShortSigningKey()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:AfterSales"] = await postgres.CreateDatabaseAsync("host_token_short_key"),
            ["Workflows:SeedFolder"] = HostFactory.NoSeeds,
            ["Auth:SigningKey"] = "short",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth:SigningKey is too short", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }
}
