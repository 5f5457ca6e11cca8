using System.Globalization;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Mail;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>
/// The Host as a new install runs it: the repository's workflows-json imported and published on its first start, Hangfire
/// with its timer and mail pumps, and mail going through SMTP to a real <see cref="SmtpSink"/>. Polls and retries are short
/// so that timers and mails show within a second or two.
/// </summary>
public class EndToEndHost : HostFixture
{
    /// <summary>The Host's public address, which the survey links in mails start with.</summary>
    public const string PublicBaseUrl = "https://service.huaan-electronics.example";

    public EndToEndHost() : this(startSink: true) { }

    /// <summary>Without a sink, the Host sends to a port nobody listens on until a test starts one there.</summary>
    protected EndToEndHost(bool startSink)
    {
        Sink = startSink ? new SmtpSink() : null;
        SmtpPort = Sink?.Port ?? SmtpSink.FreePort();
    }

    /// <summary>The SMTP server the Host sends to, when this fixture started one.</summary>
    public SmtpSink? Sink { get; }

    public int SmtpPort { get; }

    protected override string? SeedFolder => CaseApi.ProcessFolder;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:TimerPollInterval"] = "00:00:00.200",
        ["Jobs:MailPollInterval"] = "00:00:00.200",
        ["Jobs:QueuePollInterval"] = "00:00:00.500",
        ["Jobs:SchedulePollingInterval"] = "00:00:01",
        ["Jobs:WorkerCount"] = "4",
        // Nine attempts a second or two apart: a mail outlives a short SMTP outage.
        ["Jobs:MailRetryDelays:0"] = "00:00:01",
        ["Jobs:MailRetryDelays:1"] = "00:00:01",
        ["Jobs:MailRetryDelays:2"] = "00:00:01",
        ["Jobs:MailRetryDelays:3"] = "00:00:01",
        ["Jobs:MailRetryDelays:4"] = "00:00:02",
        ["Jobs:MailRetryDelays:5"] = "00:00:02",
        ["Jobs:MailRetryDelays:6"] = "00:00:02",
        ["Jobs:MailRetryDelays:7"] = "00:00:02",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Timeout"] = "00:00:05",
        ["Smtp:From"] = "售后服务部 <aftersales@huaan-electronics.example>",
        ["Host:PublicBaseUrl"] = PublicBaseUrl,
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Sink?.Dispose();
    }
}

/// <summary>
/// An <see cref="EndToEndHost"/> test, acting as the department's people: <see cref="Staff"/> signs in as each role's
/// seeded user once per test.
/// </summary>
public abstract class EndToEndTest<TFixture>(PostgresFixture postgres, TFixture fixture) : HostTest<TFixture>(postgres, fixture)
    where TFixture : EndToEndHost
{
    private readonly Dictionary<string, HttpClient> _staff = new(StringComparer.Ordinal);

    /// <summary>The sink the Host's mail goes to.</summary>
    protected SmtpSink Mailbox => Fixture.Sink ?? throw new InvalidOperationException("This Host was started without an SMTP sink.");

    /// <summary>A client signed in as the seeded user of <paramref name="role"/> (users are named after their role).</summary>
    protected async Task<HttpClient> Staff(string role)
    {
        if (!_staff.TryGetValue(role, out var client)) _staff[role] = client = await ClientAsAsync(role);
        return client;
    }

    /// <summary>Opens a case as <paramref name="openedBy"/> (who becomes its owner), to walk it through its process.</summary>
    private protected Task<CaseWalk> OpenAsync(JsonObject newCase, string openedBy = "aftersales") =>
        CaseWalk.OpenAsync(Staff, Fixture.Sink, newCase, openedBy);
}
