using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Mail;
using MimeKit;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>
/// A case walked through its process over the API as the department works it: each step is done by the seeded user of
/// the task's role, who finds it in the role's inbox, claims it and completes it with an outcome and, where the task asks
/// for one, a form. The test reads like the process:
/// <code>await walk.OpenTask("repair", "test").CompleteAsync("Pass");</code>
/// </summary>
internal sealed class CaseWalk
{
    private readonly Func<string, Task<HttpClient>> _staff;
    private readonly SmtpSink? _sink;
    private readonly HttpClient _reader;

    private CaseWalk(Func<string, Task<HttpClient>> staff, SmtpSink? sink, HttpClient reader, JsonNode opened, string? customerEmail)
    {
        _staff = staff;
        _sink = sink;
        _reader = reader;
        Id = opened.Text("id");
        Number = opened.Text("number");
        OpenedAt = opened["createdAt"]!.GetValue<DateTimeOffset>();
        CustomerEmail = customerEmail;
    }

    public string Id { get; }

    /// <summary>The case number (<c>AS-2026-000123</c>), which every mail subject about the case starts with in brackets.</summary>
    public string Number { get; }

    /// <summary>When the case was received: its SLA clocks count from here.</summary>
    public DateTimeOffset OpenedAt { get; }

    public string? CustomerEmail { get; }

    /// <summary>Opens the case as <paramref name="openedBy"/>, who becomes its owner.</summary>
    public static async Task<CaseWalk> OpenAsync(Func<string, Task<HttpClient>> staff, SmtpSink? sink, JsonObject newCase, string openedBy)
    {
        var client = await staff(openedBy);
        var opened = await client.OpenCaseAsync(newCase);
        Assert.Equal(("open", openedBy), (opened.Text("status"), opened.Text("owner")));
        return new CaseWalk(staff, sink, client, opened, (string?)newCase["customer"]?["email"]);
    }

    public Task<HttpClient> StaffAsync(string role) => _staff(role);

    /// <summary>The open task of <paramref name="role"/> on this case made by the process step <paramref name="activityId"/>.</summary>
    public TaskStep OpenTask(string role, string activityId) => new(this, role, activityId);

    /// <summary>The case page: <c>GET /api/cases/{id}</c>.</summary>
    public Task<JsonNode> GetAsync() => _reader.GetJsonAsync($"{CaseApi.Cases}/{Id}");

    public async Task<JsonNode> ExpectStatusAsync(string status)
    {
        var details = await GetAsync();
        Assert.True(details.Text("status") == status, $"Case {Number} is {details.Text("status")}, not {status}: {details.ToJsonString()}");
        return details;
    }

    /// <summary>
    /// Checks the case ended in <paramref name="status"/> with nothing left to do, and answers the satisfaction survey mail
    /// that reached the customer.
    /// </summary>
    public async Task<MimeMessage> ExpectFinishedAsync(string status = "closed")
    {
        var details = await ExpectStatusAsync(status);
        Assert.NotNull(details["closedAt"]);
        Assert.Empty(details["tasks"]!.AsArray());
        return await ExpectMailAsync(CustomerEmail ?? throw new InvalidOperationException("the case has no customer email"), "客户满意度调查");
    }

    /// <summary>Waits for the mail about this case to <paramref name="to"/> whose subject has <paramref name="subject"/> in it.</summary>
    public Task<MimeMessage> ExpectMailAsync(string to, string subject) =>
        (_sink ?? throw new InvalidOperationException("This Host sends no mail to a sink.")).WaitForMailAsync(to, $"[{Number}]", subject);

    /// <summary>How many mails about this case reached <paramref name="to"/> with <paramref name="subject"/> in their subject.</summary>
    public int CountMails(string to, string subject) =>
        (_sink ?? throw new InvalidOperationException("This Host sends no mail to a sink.")).MailsTo(to, $"[{Number}]", subject).Count;

    /// <summary>The status lines of the case's timeline, in order: what each status change said.</summary>
    public static IReadOnlyList<string> StatusNotes(JsonNode details) => details["timeline"]!.AsArray()
        .Where(e => e.Text("kind") == "status")
        .Select(e => e.Text("text"))
        .ToList();
}

/// <summary>One step of a <see cref="CaseWalk"/>: the task a role finds open for the case.</summary>
internal sealed class TaskStep(CaseWalk walk, string role, string activityId)
{
    /// <summary>Completes the task with outcome <c>Done</c> and <paramref name="form"/>.</summary>
    public Task<JsonNode> CompleteAsync(JsonObject form) => CompleteAsync("Done", form);

    /// <summary>
    /// As the role's user: finds the task in the role's inbox (<c>GET /api/tasks?role=…&amp;status=open&amp;caseId=…</c>),
    /// claims it, and completes it with <paramref name="outcome"/> and <paramref name="form"/>. Answers the completed task.
    /// </summary>
    public async Task<JsonNode> CompleteAsync(string outcome, JsonObject? form = null)
    {
        var user = await walk.StaffAsync(role);
        var id = (await FindAsync()).Text("id");

        var claim = await user.PostAsync($"{CaseApi.Tasks}/{id}/claim", null);
        await claim.AssertStatusAsync(HttpStatusCode.OK);
        var claimed = await claim.ReadJsonAsync();
        Assert.Equal(("claimed", role), (claimed.Text("status"), claimed.Text("claimedBy")));

        var response = await user.PostAsJsonAsync($"{CaseApi.Tasks}/{id}/complete", new JsonObject { ["outcome"] = outcome, ["form"] = form?.DeepClone() });
        if (response.StatusCode != HttpStatusCode.OK)
            Assert.Fail($"Completing {activityId} ({role}) of {walk.Number} with {outcome} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var completed = await response.ReadJsonAsync();
        Assert.Equal(("completed", outcome, role), (completed.Text("status"), completed.Text("outcome"), completed.Text("completedBy")));
        return completed;
    }

    /// <summary>The task as the role's inbox lists it, waiting for it to appear (a child workflow or a timer may bring it).</summary>
    public async Task<JsonNode> FindAsync()
    {
        var user = await walk.StaffAsync(role);
        var inbox = await Poll.UntilAsync(
            async () => (await user.GetJsonAsync($"{CaseApi.Tasks}?role={role}&status=open&caseId={walk.Id}"))["items"]!.AsArray(),
            items => items.Any(t => t.Text("activityId") == activityId),
            $"an open '{activityId}' task for {role} on {walk.Number}");
        var task = Assert.Single(inbox, t => t.Text("activityId") == activityId)!;
        Assert.Equal((walk.Id, role), (task.Text("caseId"), task.Text("role")));
        return task;
    }
}

/// <summary>The mails an <see cref="SmtpSink"/> received, found by recipient and subject.</summary>
internal static class Mails
{
    /// <summary>The address of a seeded user: users are named after their role.</summary>
    public static string Of(string user) => $"{user}@aftersales.local";

    /// <summary>Messages to <paramref name="to"/> whose subject contains every one of <paramref name="subject"/>.</summary>
    public static IReadOnlyList<MimeMessage> MailsTo(this SmtpSink sink, string to, params string[] subject) =>
        sink.Messages().Where(m => Matches(m, to, subject)).ToList();

    public static async Task<MimeMessage> WaitForMailAsync(this SmtpSink sink, string to, params string[] subject)
    {
        var all = await Poll.UntilAsync(() => Task.FromResult(sink.Messages()), messages => messages.Any(m => Matches(m, to, subject)),
            $"a mail to {to} about '{string.Join(" ", subject)}' (the lines below are the mails received)");
        return all.First(m => Matches(m, to, subject));
    }

    private static bool Matches(MimeMessage message, string to, string[] subject) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
        && subject.All(s => (message.Subject ?? "").Contains(s, StringComparison.Ordinal));
}
