using AfterSales.Activities.Mail;
using AfterSales.Host.Jobs.Mail;

namespace AfterSales.Host.Tests.Jobs.Mail;

public sealed class SmtpOptionsTests
{
    [Fact]
    public void Defaults_PointAtAPlainLocalServer_AndAreValid()
    {
        var options = new SmtpOptions();

        Assert.Equal(("127.0.0.1", 25, SmtpSecurity.None, "aftersales@localhost", TimeSpan.FromSeconds(30)),
            (options.Host, options.Port, options.Security, options.From, options.Timeout));
        Assert.Null(options.UserName);
        Assert.Null(options.Password);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_AcceptsAFullConfiguration_WithADisplayNameInFrom()
    {
        var options = new SmtpOptions
        {
            Host = "smtp.example.com",
            Port = 465,
            Security = SmtpSecurity.SslOnConnect,
            UserName = "aftersales",
            Password = "secret",
            From = "售后部 <aftersales@example.com>",
        };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_ReportsEveryProblem_NamingTheSetting()
    {
        var options = new SmtpOptions
        {
            Host = " ",
            Port = 70000,
            Security = (SmtpSecurity)7,
            Password = "secret",
            From = "aftersales",
            Timeout = TimeSpan.Zero,
        };

        Assert.Collection(options.Validate(),
            p => Assert.StartsWith("Smtp:Host is empty", p),
            p => Assert.StartsWith("Smtp:Port 70000 is out of range", p),
            p => Assert.StartsWith("Smtp:Security '7' is unknown", p),
            p => Assert.StartsWith("Smtp:Password is set but Smtp:UserName is not", p),
            p => Assert.Equal("Smtp:From 'aftersales' is not an email address", p),
            p => Assert.StartsWith("Smtp:Timeout 00:00:00 is out of range", p));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("aftersales@")]
    [InlineData("a@example.com, b@example.com")]
    public void Validate_RejectsAFromThatIsNotOneAddress(string from)
    {
        var problem = Assert.Single(new SmtpOptions { From = from }.Validate());

        Assert.Equal($"Smtp:From '{from}' is not an email address", problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Validate_RejectsAPortOutOfRange(int port) =>
        Assert.Contains(new SmtpOptions { Port = port }.Validate(), p => p.StartsWith($"Smtp:Port {port} ", StringComparison.Ordinal));
}
