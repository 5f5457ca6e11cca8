using System.Text.Json.Nodes;
using System.Xml;
using MimeKit;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>
/// The first-response SLA ladder (24 h: the after-sales manager; 48 h: the GM) on the real timers and mail, with the delays
/// shortened the way a process owner changes them: in the designer, on the process. (The process passes its own
/// <c>firstResponseDue</c>, <c>secondEscalationDue</c>… to <c>sla_first_response</c>, so the ladder's own defaults would
/// change nothing for its cases.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EscalationTests(PostgresFixture postgres, EndToEndHost host) : EndToEndTest<EndToEndHost>(postgres, host)
{
    private static readonly TimeSpan FirstResponseDue = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SecondEscalationDue = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task AnUnansweredCase_WarnsTheOwner_EscalatesToTheManager_ThenToTheGm_AndGoesOnWhenAnswered()
    {
        await ShortenTheLadderAsync();
        var complaint = await OpenAsync(NewComplaint("韶关联泰机械", "service@liantai.example"));
        var receivedAt = complaint.OpenedAt;

        // At 0.75 × firstResponseDue, the owner (who opened the case) is warned.
        var warning = await complaint.ExpectMailAsync(Mails.Of("aftersales"), "首次响应即将超时");
        Assert.Contains(complaint.Number, warning.TextBody);

        // At firstResponseDue: level 1, the after-sales manager.
        await complaint.ExpectMailAsync(Mails.Of("aftersales_manager"), "首次响应超时，已升级");
        var level1 = await EscalationAsync(complaint, 1);
        Assert.True(level1.At - receivedAt >= FirstResponseDue, $"level 1 came {level1.At - receivedAt} after the case was received");
        Assert.Equal("Escalated to level 1 (first_response): role:aftersales_manager told", level1.Text);
        var escalated = await Poll.UntilAsync(complaint.GetAsync, c => c["escalation"]!["level"]!.GetValue<int>() >= 1, "the case is marked escalated");
        Assert.NotNull(escalated["escalation"]!["escalatedAt"]);
        Assert.False(escalated["sla"]!["met"]!.GetValue<bool>());
        Assert.NotNull(escalated["sla"]!["breachedBy"]);
        Assert.Equal(0, complaint.CountMails(Mails.Of("gm"), "已升级"));

        // At secondEscalationDue: level 2, the GM.
        await complaint.ExpectMailAsync(Mails.Of("gm"), "首次响应严重超时，已升级");
        var level2 = await EscalationAsync(complaint, 2);
        Assert.True(level2.At - receivedAt >= SecondEscalationDue, $"level 2 came {level2.At - receivedAt} after the case was received");
        var atLevel2 = await Poll.UntilAsync(complaint.GetAsync, c => c["escalation"]!["level"]!.GetValue<int>() == 2, "the case is at level 2");
        Assert.Contains(atLevel2["tasks"]!.AsArray(), t => t.Text("activityId") == "firstResponse"); // still waiting for its answer
        var overdue = await (await Staff("aftersales_manager")).GetJsonAsync($"{CaseApi.Cases}?overdue=true&customer=韶关联泰");
        Assert.Contains(overdue["items"]!.AsArray(), c => c.Text("id") == complaint.Id);

        // Answered late, the case goes on to triage; the SLA stays missed and each level mailed once.
        await complaint.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await complaint.OpenTask("aftersales", "triage").FindAsync();
        var answered = await complaint.GetAsync();
        Assert.False(answered["sla"]!["met"]!.GetValue<bool>());
        Assert.Equal(2, answered["escalation"]!["level"]!.GetValue<int>());
        Assert.Equal((1, 1, 1), (complaint.CountMails(Mails.Of("aftersales"), "首次响应即将超时"),
            complaint.CountMails(Mails.Of("aftersales_manager"), "已升级"), complaint.CountMails(Mails.Of("gm"), "已升级")));
    }

    [Fact]
    public async Task ACaseAnsweredInTime_IsNeitherWarnedNorEscalated()
    {
        await ShortenTheLadderAsync();
        var complaint = await OpenAsync(NewComplaint("清远华盛陶瓷", "office@huasheng.example"));
        var receivedAt = complaint.OpenedAt;

        await complaint.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        var answered = await complaint.GetAsync();
        Assert.True(answered["sla"]!["met"]!.GetValue<bool>(), $"not answered within {FirstResponseDue}: {answered["sla"]!.ToJsonString()}");
        var respondedAt = answered["sla"]!["respondedAt"]!.GetValue<DateTimeOffset>();

        // Past both levels, with room for a late timer and its mail.
        var pastTheLadder = receivedAt + SecondEscalationDue + TimeSpan.FromSeconds(3) - DateTimeOffset.UtcNow;
        if (pastTheLadder > TimeSpan.Zero) await Task.Delay(pastTheLadder);

        var details = await complaint.GetAsync();
        Assert.Equal(0, details["escalation"]!["level"]!.GetValue<int>());
        Assert.Null(details["escalation"]!["escalatedAt"]);
        Assert.DoesNotContain(details["timeline"]!.AsArray(), e => e.Text("kind") == "escalation");
        Assert.Empty(details["mails"]!.AsArray());
        Assert.Equal(0, complaint.CountMails(Mails.Of("aftersales_manager"), "已升级"));
        Assert.Equal(0, complaint.CountMails(Mails.Of("gm"), "已升级"));
        // The warning is due at 0.75 × firstResponseDue. A machine slow enough to answer after that is right to send it.
        if (respondedAt - receivedAt < FirstResponseDue * 0.75) Assert.Equal(0, complaint.CountMails(Mails.Of("aftersales"), "首次响应即将超时"));
        Assert.Equal("triage", Assert.Single(details["tasks"]!.AsArray())!.Text("activityId"));
    }

    [Fact]
    public async Task AWarningMail_LinksToTheCasePage_InItsTextAndInItsHtmlPart()
    {
        await ShortenTheLadderAsync();
        var complaint = await OpenAsync(NewComplaint("肇庆星河五金", "buy@xinghe.example"));

        var warning = await complaint.ExpectMailAsync(Mails.Of("aftersales"), "首次响应即将超时");

        var link = $"{EndToEndHost.PublicBaseUrl}/cases/{complaint.Id}";
        var alternative = Assert.IsType<MultipartAlternative>(warning.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains(link, warning.TextBody);
        Assert.Contains($"<a href=\"{link}\"", warning.HtmlBody);
        Assert.Contains(complaint.Number, warning.HtmlBody);
        Assert.Contains("<table role=\"presentation\"", warning.HtmlBody);
    }

    /// <summary>As the process owner: the complaint's first response due in 3 s, the second level at 6 s; published.</summary>
    private async Task ShortenTheLadderAsync()
    {
        var processOwner = await Staff("process_owner");
        await processOwner.SetDefaultsAsync("complaint",
            ("firstResponseDue", XmlConvert.ToString(FirstResponseDue)), ("secondEscalationDue", XmlConvert.ToString(SecondEscalationDue)));
    }

    private static async Task<(DateTimeOffset At, string Text)> EscalationAsync(CaseWalk walk, int level)
    {
        var details = await Poll.UntilAsync(walk.GetAsync,
            c => c["timeline"]!.AsArray().Any(e => e.Text("kind") == "escalation" && e.Text("text").Contains($"level {level}", StringComparison.Ordinal)),
            $"a level {level} escalation on the timeline of {walk.Number}");
        var entry = details["timeline"]!.AsArray().Single(e => e.Text("kind") == "escalation" && e.Text("text").Contains($"level {level}", StringComparison.Ordinal))!;
        return (entry["at"]!.GetValue<DateTimeOffset>(), entry.Text("text"));
    }

    private static JsonObject NewComplaint(string customer, string email)
    {
        var body = CaseApi.NewCase("complaint", customer, email);
        body["description"] = "设备报警 E07，无法启动 Alarm E07, will not start";
        return body;
    }
}
