using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace AfterSales.Host.Jobs.Mail;

/// <summary>How the connection to the SMTP server is secured.</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain SMTP, no TLS even when the server offers STARTTLS (a local relay or a test sink).</summary>
    None,

    /// <summary>Plain connect, then STARTTLS; the send fails when the server does not offer it (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}

/// <summary>The SMTP server outgoing mail goes through; bound from the configuration section <c>Smtp</c>.</summary>
internal sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    /// <summary>The sender authenticates only when this is set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address, optionally with a display name: <c>售后部 &lt;aftersales@example.com&gt;</c>.</summary>
    public string From { get; set; } = "aftersales@localhost";

    /// <summary>The longest one network operation (connect, a command, the upload) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What is wrong with these options, one sentence each; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) problems.Add("Smtp:Host is empty: name the SMTP server");
        if (Port is < 1 or > 65535) problems.Add($"Smtp:Port {Port} is out of range: use 1 to 65535");
        if (!Enum.IsDefined(Security)) problems.Add($"Smtp:Security '{Security}' is unknown: use None, StartTls or SslOnConnect");
        if (Password is not null && string.IsNullOrEmpty(UserName))
            problems.Add("Smtp:Password is set but Smtp:UserName is not: the sender authenticates only with a user name");
        if (!TryParseAddress(From, out _)) problems.Add($"Smtp:From '{From}' is not an email address");
        if (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue)
            problems.Add($"Smtp:Timeout {Timeout} is out of range: use a positive time of at most 24 days");
        return problems;
    }

    internal static bool TryParseAddress(string? text, [NotNullWhen(true)] out MailboxAddress? address)
    {
        address = null;
        // MimeKit by default takes "foo" for an address without a domain; mail leaving this host needs one.
        return !string.IsNullOrWhiteSpace(text)
            && MailboxAddress.TryParse(StrictAddresses, text, out address)
            && address.Address.Contains('@');
    }

    private static readonly ParserOptions StrictAddresses = CreateStrictAddresses();

    private static ParserOptions CreateStrictAddresses()
    {
        var options = ParserOptions.Default.Clone();
        options.AllowAddressesWithoutDomain = false;
        return options;
    }
}
