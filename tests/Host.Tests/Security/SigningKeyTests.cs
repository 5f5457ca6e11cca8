using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence.Users;
using AfterSales.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Host.Tests.Security;

/// <summary>Tokens are signed with a secret kept outside the database: reading the database is not enough to forge one.</summary>
[Collection(PostgresCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class SigningKeyTests(PostgresFixture postgres) : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aftersales-signing-key-");

    private string KeyFile => Path.Combine(_root.FullName, "keys", "signing-key");

    private Dictionary<string, string?> KeyFileSettings => new() { ["Auth:SigningKeyFile"] = KeyFile };

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Token_ForgedFromThePasswordHashAlone_IsRefused()
    {
        await using var host = new HostFactory(await postgres.CreateDatabaseAsync("security_forged_token"), settings: KeyFileSettings);
        var gm = await host.Services.GetRequiredService<UserAccounts>().FindAsync("gm");

        // What an attacker who read users.password_hash could sign before issue 7: the key derived from the hash alone.
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(gm!.PasswordHash), 32, [], "AfterSales access token v1"u8.ToArray());
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "AfterSales",
            Audience = "AfterSales",
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "gm", ["name"] = "gm", ["role"] = new[] { "gm", "admin" }, ["gen"] = gm.TokenGeneration },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });

        await (await host.CreateClient().UseToken(forged).GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await host.CreateClient().SignInAsync("gm"); // the real sign-in still works
    }

    [Fact]
    public async Task SigningKeyFile_IsMadeOnFirstStart_ReadableByItsOwnerOnly_AndKeptAcrossRestarts()
    {
        var database = await postgres.CreateDatabaseAsync("security_key_file");
        string token;
        await using (var first = new HostFactory(database, settings: KeyFileSettings))
            token = (await first.CreateClient().LoginAsync("qc"))["token"]!.GetValue<string>();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        Assert.True(Convert.FromBase64String(File.ReadAllText(KeyFile).Trim()).Length >= 32);
        await using var second = new HostFactory(database, settings: KeyFileSettings);
        await (await second.CreateClient().UseToken(token).GetAsync("/api/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Host_RefusesToStart_WhenTheSigningKeyFileIsReadableByOthers()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exitCode, output) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:AfterSales"] = await postgres.CreateDatabaseAsync("security_key_file_open"),
            ["Workflows:SeedFolder"] = HostFactory.NoSeeds,
            ["Auth:SigningKeyFile"] = KeyFile,
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("chmod 600", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }
}
