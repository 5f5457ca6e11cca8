using AfterSales.Cases;
using AfterSales.Persistence.Cases;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Persistence.Tests.Cases.CaseWorkflows;

namespace AfterSales.Persistence.Tests.Security;

/// <summary>
/// Issue 7, finding 2: an instance started with another case's id as its correlation id changed that case's owner, timeline
/// and SLA clock. A case belongs to the instance it was opened with and its children; any other instance's burst that
/// touches it fails whole.
/// </summary>
public sealed class CaseBindingTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private const string CaseId = "case-1";

    [Fact]
    public async Task Start_CorrelatedToACaseOfAnotherInstance_IsRefused_AndWritesNothing()
    {
        await PublishAsync(Handles("handle"));
        var opened = Opened(CaseId, "AS-2026-000001", Time.GetUtcNow());
        var owner = await Host.Runtime.StartAsync("handle", Input(opened), CaseId, initialEffects: [opened]);
        var before = await SnapshotAsync();

        // The attack: the same workflow again, naming the case; its first burst sets the status and adds a task and a line.
        var e = await Assert.ThrowsAsync<CaseBindingException>(() => Host.Runtime.StartAsync("handle", Input(opened), CaseId));

        Assert.Contains($"belongs to workflow instance {owner.Instance!.Id}", e.Message);
        Assert.Equal(before, await SnapshotAsync());
        await using var db = Host.CreateDbContext();
        Assert.Equal(1, await db.Instances.CountAsync());
    }

    [Fact]
    public async Task AnEffect_OfAnInstanceThatDoesNotOwnTheCase_FailsTheBurst_AndChangesNothing()
    {
        await PublishAsync(Handles("handle"));
        var opened = Opened(CaseId, "AS-2026-000001", Time.GetUtcNow());
        await Host.Runtime.StartAsync("handle", Input(opened), CaseId, initialEffects: [opened]);
        await PublishAsync(Races("race"));
        var stranger = await StartAsync("race", correlationId: "not-a-case");
        var before = await SnapshotAsync();

        var burst = new RunResult();
        burst.Effects.Add(new CaseOwnerAssigned("k:1", CaseId, "mallory", Time.GetUtcNow()));
        burst.Effects.Add(new CaseTimelineEntry("k:1", CaseId, "note", "owner changed", Time.GetUtcNow()));
        await Assert.ThrowsAsync<CaseBindingException>(() => Host.Instances.UpdateAsync(stranger.Id, _ => Task.FromResult((0, (RunResult?)burst))));

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(stranger.UpdatedAt, (await Host.Instances.FindAsync(stranger.Id))!.UpdatedAt);
    }

    [Fact]
    public async Task AnEffect_OfTheInstanceTheCaseWasOpenedWith_IsApplied()
    {
        await PublishAsync(Handles("handle"));
        var opened = Opened(CaseId, "AS-2026-000001", Time.GetUtcNow());
        var owner = (await Host.Runtime.StartAsync("handle", Input(opened), CaseId, initialEffects: [opened])).Instance!;

        var burst = new RunResult();
        burst.Effects.Add(new CaseOwnerAssigned("k:1", CaseId, "bob", Time.GetUtcNow()));
        await Host.Instances.UpdateAsync(owner.Id, _ => Task.FromResult((0, (RunResult?)burst)));

        await using var db = Host.CreateDbContext();
        Assert.Equal("bob", (await db.Cases.SingleAsync()).Owner);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = Host.CreateDbContext();
        var row = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == CaseId);
        var events = await db.CaseEvents.CountAsync();
        var tasks = await db.Tasks.CountAsync();
        var mails = await db.MailOutbox.CountAsync();
        return $"{row.Owner}|{row.Status}|{row.FirstResponseDueAt}|{row.UpdatedAt}|{events}|{tasks}|{mails}";
    }
}
