using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Mail;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>An <see cref="EndToEndHost"/> whose SMTP server is down: nobody listens on its port until a test starts a sink there.</summary>
public sealed class SmtpDownHost() : EndToEndHost(startSink: false);

/// <summary>Mail that could not be sent is kept and retried, and arrives once when the SMTP server is back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MailRetryTests(PostgresFixture postgres, SmtpDownHost host) : EndToEndTest<SmtpDownHost>(postgres, host)
{
    [Fact]
    public async Task TheSurveyMail_IsRetriedWhileTheSmtpServerIsDown_AndArrivesExactlyOnceWhenItIsBack()
    {
        var complaint = await OpenAsync(CaseApi.NewCase("complaint", "梁婷", "liang.ting@meida.example"));
        await complaint.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await complaint.OpenTask("aftersales", "triage").CompleteAsync("Simple");
        await complaint.OpenTask("aftersales", "answer").CompleteAsync("Email");
        await complaint.ExpectStatusAsync("closed");

        // The case shows the survey mail failing: still pending, attempts counted, the last error naming the server.
        var failing = await Poll.UntilAsync(async () => Assert.Single((await complaint.GetAsync())["mails"]!.AsArray())!,
            m => m["attempts"]!.GetValue<int>() >= 2, "two failed attempts recorded on the case's mail");
        Assert.Equal("pending", failing.Text("status"));
        Assert.Contains($"{Fixture.SmtpPort}", failing.Text("lastError"));
        Assert.Null(failing["sentAt"]);

        using var sink = SmtpSink.OnPort(Fixture.SmtpPort);

        var sent = await Poll.UntilAsync(async () => Assert.Single((await complaint.GetAsync())["mails"]!.AsArray())!,
            m => m.Text("status") == "sent", "the mail is sent once the server is back");
        Assert.Null(sent["lastError"]);
        Assert.True(sent["attempts"]!.GetValue<int>() > failing["attempts"]!.GetValue<int>());
        var mail = await sink.WaitForMailAsync("liang.ting@meida.example", $"[{complaint.Number}]", "客户满意度调查");
        Assert.Equal($"outbox-{sent["id"]!.GetValue<long>()}@aftersales", mail.MessageId);

        // Longer than a retry delay and a schedule poll: a second send, were there one, would have arrived.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(sink.Messages());
        Assert.Equal("sent", Assert.Single((await complaint.GetAsync())["mails"]!.AsArray())!.Text("status"));
    }
}
