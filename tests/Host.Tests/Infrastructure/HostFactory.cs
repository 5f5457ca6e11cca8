using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>
/// The Host in memory on the given database, with a seed folder that does not exist unless one is given, and its role users
/// seeded with <see cref="Users.Password"/>. <paramref name="settings"/> add to or override that configuration.
/// </summary>
internal sealed class HostFactory(string connectionString, string? seedFolder = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A folder that is never there: the Host starts without importing the repository's workflows-json.</summary>
    public static readonly string NoSeeds = Path.Combine(Path.GetTempPath(), "aftersales-no-seeds-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads the connection string before the app is built.
        builder.UseSetting("ConnectionStrings:AfterSales", connectionString);
        builder.UseSetting("Workflows:SeedFolder", seedFolder ?? NoSeeds);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Seed:Password", Users.Password);
        // One key for every test Host, so none writes a key file into the home folder; tests of the key file override it.
        if (settings?.ContainsKey("Auth:SigningKey") != true && settings?.ContainsKey("Auth:SigningKeyFile") != true)
            builder.UseSetting("Auth:SigningKey", Users.SigningKey);
        // Every test of a class signs in from the same address, far more often than people do; the throttle's own test lowers it.
        builder.UseSetting("Auth:LoginAttemptsPerAddress", "1000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }
}
