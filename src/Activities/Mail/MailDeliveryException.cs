namespace AfterSales.Activities.Mail;

/// <summary>The SMTP server could not be reached, or it refused the message; the inner exception says why.</summary>
public sealed class MailDeliveryException(string host, int port, string message, Exception inner)
    : Exception($"Mail could not be sent through {host}:{port}: {message}", inner)
{
    public string Host { get; } = host;
    public int Port { get; } = port;
}
