using AfterSales.Activities.Mail;
using AfterSales.Host.Jobs.Mail;
using AfterSales.TestSupport.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace AfterSales.Host.Tests.Jobs.Mail;

public sealed class SmtpMailSenderTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_DeliversChineseSubjectAndBody_WithFromToCcHeadersAndMessageId()
    {
        var sender = Sender(new SmtpOptions { Host = sink.Host, Port = sink.Port, From = "售后部 <aftersales@example.com>" });
        var id = $"<case-{Guid.NewGuid():N}.escalation-1@aftersales>";
        var request = new MailMessageRequest(
            ["张三 <zhang@example.com>", "wang@example.com"],
            "客诉 AS-2026-000123 超过 24 小时未响应，已升级",
            "王经理：\n客户「上海某某电子有限公司」的投诉已超过 24 小时未响应。\n请尽快处理。")
        {
            Cc = ["李四 <li@example.com>"],
            MessageId = id,
            Headers = new Dictionary<string, string> { ["X-AfterSales-Case"] = "AS-2026-000123", ["X-AfterSales-Customer"] = "上海某某电子有限公司" },
        };

        await sender.SendAsync(request, CancellationToken.None);

        var mail = Received(id);
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal(("售后部", "aftersales@example.com"), (from.Name, from.Address));
        Assert.Equal([("张三", "zhang@example.com"), ("", "wang@example.com")], mail.To.Mailboxes.Select(m => (m.Name, m.Address)));
        Assert.Equal([("李四", "li@example.com")], mail.Cc.Mailboxes.Select(m => (m.Name, m.Address)));
        Assert.Equal(request.Subject, mail.Subject);
        Assert.Equal(request.TextBody, mail.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal("utf-8", Assert.IsType<TextPart>(mail.Body).ContentType.Charset);
        Assert.Null(mail.HtmlBody);
        Assert.Equal(Now, mail.Date);
        Assert.Equal("AS-2026-000123", mail.Headers["X-AfterSales-Case"]);
        Assert.Equal("上海某某电子有限公司", mail.Headers["X-AfterSales-Customer"]);
        // The envelope (recorded by the sink) reaches the Cc recipient too.
        Assert.Equal("zhang@example.com, wang@example.com, li@example.com", mail.Headers["X-RcptTo"]);
        Assert.Equal("aftersales@example.com", mail.Headers["X-MailFrom"]);
    }

    [Fact]
    public async Task SendAsync_SendsHtmlAsAnAlternativeToTheText()
    {
        var id = $"html-{Guid.NewGuid():N}@aftersales";
        var request = new MailMessageRequest(["zhang@example.com"], "满意度调查", "请为本次服务打分：1-5")
        {
            HtmlBody = "<p>请为本次服务<b>打分</b>：1-5</p>",
            MessageId = id,
        };

        await Sender(new SmtpOptions { Host = sink.Host, Port = sink.Port }).SendAsync(request, CancellationToken.None);

        var mail = Received(id);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(alternative.OfType<TextPart>(), p => Assert.Equal("utf-8", p.ContentType.Charset));
        Assert.Equal(request.TextBody, mail.TextBody!.TrimEnd('\r', '\n'));
        Assert.Equal(request.HtmlBody, mail.HtmlBody!.TrimEnd('\r', '\n'));
        Assert.Equal("aftersales@localhost", mail.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task SendAsync_ThrowsNamingHostAndPort_WhenNoServerListens_AndTheSameSendSucceedsOnceTheServerIsUp()
    {
        var port = SmtpSink.FreePort();
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = port, Timeout = TimeSpan.FromSeconds(5) });
        var request = new MailMessageRequest(["manager@example.com"], "升级提醒", "正文") { MessageId = "<case-123.escalation-1@aftersales>" };

        var down = await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(request, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", down.Message);
        Assert.Equal(("127.0.0.1", port), (down.Host, down.Port));
        Assert.NotNull(down.InnerException);

        // What a retry by the job runner does: call again with the same request.
        using var late = SmtpSink.OnPort(port);
        await sender.SendAsync(request, CancellationToken.None);
        await sender.SendAsync(request, CancellationToken.None);

        // Both copies carry the same id, so the second is recognisable as a re-send of the first.
        Assert.Equal(["case-123.escalation-1@aftersales", "case-123.escalation-1@aftersales"], late.Messages().Select(m => m.MessageId));
    }

    [Fact]
    public async Task SendAsync_Throws_WhenAUserNameIsSetButTheServerOffersNoAuthentication()
    {
        var sender = Sender(new SmtpOptions { Host = sink.Host, Port = sink.Port, UserName = "aftersales", Password = "secret" });

        var e = await Assert.ThrowsAsync<MailDeliveryException>(() =>
            sender.SendAsync(new MailMessageRequest(["zhang@example.com"], "s", "b"), CancellationToken.None));

        Assert.Contains($"{sink.Host}:{sink.Port}", e.Message);
    }

    [Fact]
    public async Task SendAsync_Throws_WhenStartTlsIsRequiredButTheServerDoesNotOfferIt()
    {
        var sender = Sender(new SmtpOptions { Host = sink.Host, Port = sink.Port, Security = SmtpSecurity.StartTls });

        var e = await Assert.ThrowsAsync<MailDeliveryException>(() =>
            sender.SendAsync(new MailMessageRequest(["zhang@example.com"], "s", "b"), CancellationToken.None));

        Assert.Contains("STARTTLS", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<MailMessageRequest, string> InvalidRequests => new()
    {
        { new MailMessageRequest([], "s", "b"), "at least one To" },
        { new MailMessageRequest(["not an address"], "s", "b"), "To 'not an address'" },
        { new MailMessageRequest(["zhang"], "s", "b"), "To 'zhang'" },
        { new MailMessageRequest(["zhang@example.com"], "s", "b") { Cc = ["li@"] }, "Cc 'li@'" },
        { new MailMessageRequest(["zhang@example.com"], "s", "b") { MessageId = "case 123" }, "Message-Id 'case 123'" },
        { new MailMessageRequest(["zhang@example.com"], "s", "b") { Headers = new Dictionary<string, string> { ["Subject"] = "x" } }, "Header 'Subject'" },
        { new MailMessageRequest(["zhang@example.com"], "s", "b") { Headers = new Dictionary<string, string> { ["Content-Type"] = "x" } }, "Header 'Content-Type'" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task SendAsync_RefusesAnInvalidRequest_WithoutTalkingToTheServer(MailMessageRequest request, string expected)
    {
        // Nobody listens on the port: an ArgumentException shows the request was refused before connecting.
        var sender = Sender(new SmtpOptions { Port = SmtpSink.FreePort() });

        var e = await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(request, CancellationToken.None));

        Assert.Contains(expected, e.Message);
    }

    private static SmtpMailSender Sender(SmtpOptions options) =>
        new(options, new FakeTimeProvider(Now), NullLogger<SmtpMailSender>.Instance);

    private MimeMessage Received(string messageId) =>
        Assert.Single(sink.Messages(), m => m.MessageId == messageId.Trim('<', '>'));
}
