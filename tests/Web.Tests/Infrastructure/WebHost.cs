using System.Globalization;
using System.Net;
using AfterSales.Host.Auth;
using AfterSales.Persistence.Users;
using AfterSales.TestSupport;
using AfterSales.TestSupport.Mail;
using AfterSales.TestSupport.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>
/// What every browser test runs against, started once per test run: a throwaway PostgreSQL cluster, an SMTP sink, the
/// real Host on Kestrel on a free port with the repository's workflows imported and every role user's password
/// <see cref="Password"/>, and Debian's Chromium (never a downloaded browser).
/// </summary>
public sealed class WebHost : IAsyncLifetime
{
    /// <summary>The seed password: every role user (named after its role) signs in with it.</summary>
    public const string Password = "web-test-password-1";

    private readonly PostgresFixture _postgres = new();
    private KestrelHost? _host;
    private IPlaywright? _playwright;

    public SmtpSink Mailbox { get; } = new();

    /// <summary>Where the Host listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("The Host has not started.")).Services;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var port = SmtpSink.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _host = new KestrelHost(await _postgres.CreateDatabaseAsync("web"), BaseUrl, Mailbox.Port);
        _host.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        _host.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>Adds a user with these roles and <see cref="Password"/>, for a test that changes it (a password, a lock).</summary>
    public async Task<string> AddUserAsync(string prefix, params string[] roles)
    {
        var userName = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await Services.GetRequiredService<UserAccounts>().AddAsync([new UserEntity
        {
            UserName = userName,
            DisplayName = userName,
            PasswordHash = PasswordHasher.Hash(Password),
            Roles = roles,
            CreatedAt = DateTimeOffset.UtcNow,
        }]);
        return userName;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        Mailbox.Dispose();
        await _postgres.DisposeAsync();
    }

    /// <summary>The Host as the start script runs it, with short job polls so mails show within a second or two.</summary>
    private sealed class KestrelHost(string connectionString, string baseUrl, int smtpPort) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:AfterSales"] = connectionString,
                ["Workflows:SeedFolder"] = Path.Combine(RepositoryFolders.Root.FullName, "workflows-json"),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Seed:Password"] = Password,
                ["Auth:SigningKey"] = "web-test-signing-key-0123456789abcdef0123456789",
                // Every test signs in from 127.0.0.1, far more often than people do.
                ["Auth:LoginAttemptsPerAddress"] = "1000",
                ["Host:PublicBaseUrl"] = baseUrl,
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                ["Jobs:TimerPollInterval"] = "00:00:00.200",
                ["Jobs:MailPollInterval"] = "00:00:00.200",
                ["Jobs:QueuePollInterval"] = "00:00:00.500",
            };
            // UseSetting, not ConfigureAppConfiguration: Program reads the connection string before the app is built.
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}

/// <summary>The one <see cref="WebHost"/> every browser test class shares.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebHost>
{
    public const string Name = "Web";
}
