using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Cases.Mail;
using AfterSales.Persistence.Cases;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.Persistence.Users;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static AfterSales.Persistence.Tests.Cases.CaseWorkflows;

namespace AfterSales.Persistence.Tests.Cases;

public sealed class CaseProjectionTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private const string CaseId = "case-1";
    private const string Number = "AS-2026-000001";

    [Fact]
    public async Task Start_WritesTheCaseWithTheInstance_WithItsTimelineAndFirstTask()
    {
        await PublishAsync(Handles("handle"));

        var instance = await OpenAsync("handle");

        await using var db = Host.CreateDbContext();
        var row = await db.Cases.AsNoTracking().SingleAsync();
        Assert.Equal((CaseId, Number, "complaint", "phone", "open", instance.Id, 2, 3), (row.Id, row.Number, row.Kind, row.Channel, row.Status, row.WorkflowInstanceId, row.Hosts, row.Accessories));
        Assert.Equal("Li Wei", JsonNode.Parse(row.Customer)!["name"]!.GetValue<string>());
        Assert.Equal(["opened", "status"], await db.CaseEvents.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        var task = await db.Tasks.AsNoTracking().SingleAsync();
        // The title read caseFile before the case row existed: from the instance's case input.
        Assert.Equal((instance.Bookmarks.Single().Id, CaseId, "aftersales", "open", "Look at AS-2026-000001 for Li Wei"), (task.Id, task.CaseId, task.Role, task.Status, task.Title));
        Assert.Equal(["Done", "Reject"], task.Outcomes);
        Assert.Equal(Time.GetUtcNow().AddHours(4), task.DueAt);
    }

    [Fact]
    public async Task CaseFile_ShowsTheSlaPause_SoSlaTimersCanPushTheirDeadlineBack()
    {
        await PublishAsync(Handles("handle"));
        var instance = await OpenAsync("handle");
        var since = Time.GetUtcNow().AddHours(1);
        await using (var db = Host.CreateDbContext())
            await db.Cases.ExecuteUpdateAsync(s => s.SetProperty(c => c.SlaPausedSince, since).SetProperty(c => c.SlaPausedTotal, TimeSpan.FromMinutes(90)));

        var caseFile = Host.Services.GetServices<IWorkflowGlobal>().Single(g => g.Name == "caseFile").Resolve(instance)!;

        Assert.Equal((since, "PT1H30M"), (DateTimeOffset.Parse(caseFile["sla"]!["pausedSince"]!.GetValue<string>()), caseFile["sla"]!["pausedTotal"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Start_ThatFailsToSave_LeavesNoCase()
    {
        await PublishAsync(Handles("handle"));
        await OpenAsync("handle");

        // Same number: the case insert fails, and with it the whole first burst.
        var opened = Opened("case-2", Number, Time.GetUtcNow());
        await Assert.ThrowsAsync<PostgresException>(() => Host.Runtime.StartAsync("handle", Input(opened), "case-2", initialEffects: [opened]));

        await using var db = Host.CreateDbContext();
        Assert.False(await db.Cases.AnyAsync(c => c.Id == "case-2"));
        Assert.False(await db.Instances.AnyAsync(i => i.CorrelationId == "case-2"));
        Assert.Equal(1, await db.Tasks.CountAsync());
    }

    [Fact]
    public async Task CompletingATask_CompletesItsRow_WritesTheTimeline_QueuesResolvedMails_AndASurvey()
    {
        await AddUsersAsync(("manager", "manager@example.com", ["aftersales_manager"]), ("bob", "bob@example.com", ["sales"]),
            ("carol", "carol@example.com", ["repair"]), ("nomail", null, ["aftersales_manager"]));
        await PublishAsync(Handles("handle"));
        var instance = await OpenAsync("handle");
        var taskId = instance.Bookmarks.Single().Id;
        Time.Advance(TimeSpan.FromMinutes(30));

        var form = new JsonObject { ["note"] = new string('x', 2000) };
        Assert.True((await Host.Runtime.ResumeAsync(instance.Id, taskId, new JsonObject { ["outcome"] = "Done", ["user"] = "alice", ["form"] = form.DeepClone() })).Succeeded);

        await using var db = Host.CreateDbContext();
        var task = await db.Tasks.AsNoTracking().SingleAsync();
        Assert.Equal(("completed", "alice", "Done", Time.GetUtcNow()), (task.Status, task.CompletedBy, task.Outcome, task.CompletedAt));
        // The whole form, though the journal keeps only its first 1,024 characters.
        Assert.Equal(2000, JsonNode.Parse(task.FormData!)!["note"]!.GetValue<string>().Length);

        var row = await db.Cases.AsNoTracking().SingleAsync();
        Assert.Equal(("closed", "bob", Time.GetUtcNow()), (row.Status, row.Owner, row.ClosedAt));

        var mails = await db.MailOutbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, mails.Count);
        Assert.Equal(["bob@example.com", "carol@example.com", "li.wei@example.com", "manager@example.com", "ops@example.com"], mails[0].Recipients);
        Assert.Equal(("[AS-2026-000001] Done", "pending", CaseId), (mails[0].Subject, mails[0].Status, mails[0].CaseId));

        var survey = await db.Surveys.AsNoTracking().SingleAsync();
        Assert.Equal((CaseId, Time.GetUtcNow().AddDays(14)), (survey.CaseId, survey.ExpiresAt));
        Assert.True(survey.Token.Length >= 43);
        Assert.Equal(["li.wei@example.com"], mails[1].Recipients);
        Assert.Equal($"Please rate us: http://localhost:5080/survey/{survey.Token}", mails[1].Body);

        var timeline = await db.CaseEvents.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new { e.Kind, e.Text, e.Actor }).ToListAsync();
        Assert.Contains(timeline, e => e is { Kind: "task", Actor: "alice", Text: "Task completed: Look at AS-2026-000001 for Li Wei (Done)" });
        Assert.Contains(timeline, e => e.Kind == "mail" && e.Text.StartsWith("Mail queued to bob@example.com, carol@example.com", StringComparison.Ordinal));
        Assert.Equal(2, timeline.Count(e => e.Kind == "mail"));
    }

    [Fact]
    public async Task CompletingATask_RecordsTheOutcomeFormAndUserItWasResumedWith()
    {
        await PublishAsync(Handles("handle"));
        var instance = await OpenAsync("handle");

        await Host.Runtime.ResumeAsync(instance.Id, instance.Bookmarks.Single().Id,
            new JsonObject { ["outcome"] = "Reject", ["user"] = "dave", ["form"] = new JsonObject { ["reason"] = "out of warranty" } });

        await using var db = Host.CreateDbContext();
        var task = await db.Tasks.AsNoTracking().SingleAsync();
        Assert.Equal(("completed", "dave", "Reject"), (task.Status, task.CompletedBy, task.Outcome));
        Assert.Equal("out of warranty", JsonNode.Parse(task.FormData!)!["reason"]!.GetValue<string>());
        Assert.Equal("rejected", (await db.Cases.AsNoTracking().SingleAsync()).Status);
    }

    [Fact]
    public async Task ATaskDroppedWithoutAResume_IsCancelled()
    {
        await PublishAsync(Races("race"));
        var opened = Opened(CaseId, Number, Time.GetUtcNow());
        var instance = (await Host.Runtime.StartAsync("race", Input(opened), CaseId, initialEffects: [opened])).Instance!;
        var wait = instance.Bookmarks.Single(b => b.Name != "HumanTask");

        await Host.Runtime.ResumeAsync(instance.Id, wait.Id);

        await using var db = Host.CreateDbContext();
        var task = await db.Tasks.AsNoTracking().SingleAsync();
        Assert.Equal(("cancelled", "sales", (string?)null), (task.Status, task.Role, task.CompletedBy));
        Assert.Equal("open", (await db.Cases.AsNoTracking().SingleAsync()).Status);
    }

    [Fact]
    public async Task TheSameMailEvent_IsQueuedOnce()
    {
        await PublishAsync(Handles("handle"));
        var instance = await OpenAsync("handle");
        var mail = new MailRequested("event-1", CaseId, ["ops@example.com"], "Hello", "Body", Time.GetUtcNow());

        for (var i = 0; i < 2; i++)
            await Host.Instances.UpdateAsync(instance.Id, _ =>
            {
                var changes = new RunResult();
                changes.Effects.Add(mail);
                return Task.FromResult((0, (RunResult?)changes));
            });

        await using var db = Host.CreateDbContext();
        Assert.Equal("event-1", (await db.MailOutbox.AsNoTracking().SingleAsync()).EventKey);
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.Kind == "mail"));
    }

    [Fact]
    public async Task AMailNobodyCanReceive_IsKeptAsFailed_AndSaidOnTheTimeline()
    {
        await PublishAsync(Handles("handle"));
        var instance = await OpenAsync("handle");

        await ApplyAsync(instance.Id, new MailRequested("event-1", CaseId, ["role:gm"], "Hello", "Body", Time.GetUtcNow()));

        await using var db = Host.CreateDbContext();
        var mail = await db.MailOutbox.AsNoTracking().SingleAsync();
        Assert.Equal(("failed", 0), (mail.Status, mail.Recipients.Length));
        Assert.Equal("Mail not sent, no address for role:gm: Hello", (await db.CaseEvents.SingleAsync(e => e.Kind == "mail")).Text);
    }

    [Fact]
    public async Task Escalation_AndTheFirstResponse_AreWrittenOnTheCase()
    {
        await AddUsersAsync(("boss", "boss@example.com", ["gm"]));
        await PublishAsync(Escalates("escalate"));
        var opened = Opened(CaseId, Number, Time.GetUtcNow());
        var instance = (await Host.Runtime.StartAsync("escalate", Input(opened), CaseId, initialEffects: [opened])).Instance!;
        var started = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromHours(25));

        await Host.Runtime.ResumeAsync(instance.Id, instance.Bookmarks.Single().Id, new JsonObject { ["outcome"] = "Done" });

        await using var db = Host.CreateDbContext();
        var row = await db.Cases.AsNoTracking().SingleAsync();
        Assert.Equal((1, Time.GetUtcNow()), (row.EscalationLevel, row.EscalatedAt));
        Assert.Equal((started.AddHours(24), Time.GetUtcNow()), (row.FirstResponseDueAt, row.FirstRespondedAt));
        Assert.Equal(["boss@example.com"], (await db.MailOutbox.AsNoTracking().SingleAsync()).Recipients);
        Assert.Contains(await db.CaseEvents.Select(e => e.Kind).ToListAsync(), k => k == "escalation");

        var sla = (await Host.Services.GetRequiredService<CaseQueries>().GetAsync(CaseId))!.Sla;
        Assert.Equal((false, "PT1H"), (sla.Met, sla.BreachedBy));
    }

    [Fact]
    public async Task AMailToStaff_EndsWithALinkToTheCasePage_AndAMailToTheCustomerHasNone()
    {
        await AddUsersAsync(("boss", "boss@example.com", ["gm"]));
        await PublishAsync(Handles("handle"));
        var instance = await OpenAsync("handle");

        var now = Time.GetUtcNow();
        await ApplyAsync(instance.Id, new MailRequested("m1", CaseId, ["role:gm"], "Late", "Case is late.\n", now));
        await ApplyAsync(instance.Id, new MailRequested("m2", CaseId, ["customer", "role:gm"], "Sorry", "Sorry.", now));

        await using var db = Host.CreateDbContext();
        var bodies = await db.MailOutbox.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
        Assert.Equal(["Case is late.\n\n打开案件 / Open the case: http://localhost:5080/cases/case-1\n", "Sorry."],
            bodies);
    }

    [Fact]
    public async Task AStatusChange_OfAClosedCase_IsRefused_AndSaidOnTheTimeline()
    {
        await PublishAsync(Handles("handle"));
        var instance = await OpenAsync("handle");
        await ApplyAsync(instance.Id, new CaseStatusChanged("k1", CaseId, "closed", Time.GetUtcNow()));

        await ApplyAsync(instance.Id, new CaseStatusChanged("k2", CaseId, "in_progress", Time.GetUtcNow()));

        await using var db = Host.CreateDbContext();
        Assert.Equal("closed", (await db.Cases.AsNoTracking().SingleAsync()).Status);
        Assert.Equal("Status change to in_progress refused: the case is closed", (await db.CaseEvents.SingleAsync(e => e.Kind == "warning")).Text);
    }

    [Fact]
    public async Task WaitingForTheCustomer_PausesTheSlaClock()
    {
        await PublishAsync(Escalates("escalate"));
        var opened = Opened(CaseId, Number, Time.GetUtcNow());
        var instance = (await Host.Runtime.StartAsync("escalate", Input(opened), CaseId, initialEffects: [opened])).Instance!;
        await ApplyAsync(instance.Id, new CaseStatusChanged("k1", CaseId, "waiting_customer", Time.GetUtcNow()));
        Time.Advance(TimeSpan.FromHours(3));
        await ApplyAsync(instance.Id, new CaseStatusChanged("k2", CaseId, "in_progress", Time.GetUtcNow()));

        var sla = (await Host.Services.GetRequiredService<CaseQueries>().GetAsync(CaseId))!.Sla;

        Assert.Equal((opened.At.AddHours(27), false, "PT3H"), (sla.DueAt, sla.Paused, sla.PausedTotal));
    }

    private async Task<WorkflowInstance> OpenAsync(string definitionId)
    {
        var opened = Opened(CaseId, Number, Time.GetUtcNow());
        var result = await Host.Runtime.StartAsync(definitionId, Input(opened), CaseId, initialEffects: [opened]);
        Assert.True(result.Succeeded, result.Message);
        return result.Instance!;
    }

    private Task ApplyAsync(string instanceId, object effect) =>
        Host.Instances.UpdateAsync(instanceId, _ =>
        {
            var changes = new RunResult();
            changes.Effects.Add(effect);
            return Task.FromResult((0, (RunResult?)changes));
        });

    private async Task AddUsersAsync(params (string Name, string? Email, string[] Roles)[] users)
    {
        await using var db = Host.CreateDbContext();
        db.Users.AddRange(users.Select(u => new UserEntity
        {
            UserName = u.Name, DisplayName = u.Name, Email = u.Email, PasswordHash = "-", Roles = u.Roles, CreatedAt = Time.GetUtcNow(),
        }));
        await db.SaveChangesAsync();
    }
}

public sealed class CaseEffectContractTests
{
    [Fact]
    public void EveryCaseEffectTheActivitiesEmit_IsAppliedByTheProjection()
    {
        var effects = typeof(ICaseEffect).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(ICaseEffect).IsAssignableFrom(t))
            .ToList();

        Assert.NotEmpty(effects);
        Assert.All(effects, type => Assert.True(CaseProjection.Handles(type), $"{type.Name} is emitted but not applied to the case tables"));
    }
}
