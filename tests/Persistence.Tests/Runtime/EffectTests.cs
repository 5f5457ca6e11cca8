using System.Text.Json;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static AfterSales.Persistence.Tests.Infrastructure.TestWorkflows;

namespace AfterSales.Persistence.Tests.Runtime;

public sealed class EffectTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Fact]
    public async Task Effects_AreSavedWithTheBurstThatEmittedThem_InOrder()
    {
        await PublishAsync(Announces("announce"));
        var instance = await StartAsync("announce");
        Assert.Equal(["received"], await TextsAsync(instance.Id));

        await Host.Runtime.ResumeAsync(instance.Id, instance.Bookmarks.Single().Id, Reply());

        Assert.Equal(["received", "replied"], await TextsAsync(instance.Id));
        await using var db = Host.CreateDbContext();
        var first = await db.Effects.OrderBy(e => e.Id).FirstAsync();
        Assert.Equal((instance.Id, typeof(Announcement).FullName, Time.GetUtcNow()), (first.InstanceId, first.Type, first.CreatedAt));
        Assert.Null(first.ProcessedAt);
    }

    [Fact]
    public async Task Effects_OfABurstThatFailsToSave_AreNotWritten()
    {
        await PublishAsync(Announces("announce"));
        var instance = await StartAsync("announce");

        // The effect rows go in; the incident written after them breaks a not-null rule, so the whole burst rolls back.
        var e = await Assert.ThrowsAsync<PostgresException>(() => Host.Instances.UpdateAsync<int>(instance.Id, loaded =>
        {
            var changes = new RunResult();
            changes.Effects.Add(new Announcement(instance.Id, "never"));
            loaded.Incidents.Add(new Incident("incident", "wait", "WaitForSignal", null!, "Exception", Time.GetUtcNow()));
            return Task.FromResult((0, (RunResult?)changes));
        }));

        Assert.Equal(PostgresErrorCodes.NotNullViolation, e.SqlState);
        Assert.Equal(["received"], await TextsAsync(instance.Id));
        Assert.Equal(WorkflowStatus.Suspended, (await Host.Instances.FindAsync(instance.Id))!.Status);
    }

    [Fact]
    public async Task Effects_OfARefusedResume_AreNotWritten()
    {
        await PublishAsync(Announces("announce"));
        var instance = await StartAsync("announce");
        var bookmark = instance.Bookmarks.Single();
        await Host.Runtime.ResumeAsync(instance.Id, bookmark.Id, Reply());

        var again = await Host.Runtime.ResumeAsync(instance.Id, bookmark.Id, Reply());

        Assert.Equal(RunOutcome.BookmarkNotFound, again.Outcome);
        Assert.Equal(["received", "replied"], await TextsAsync(instance.Id));
    }

    private async Task<List<string>> TextsAsync(string instanceId)
    {
        await using var db = Host.CreateDbContext();
        var payloads = await db.Effects.Where(e => e.InstanceId == instanceId).OrderBy(e => e.Id).Select(e => e.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<Announcement>(p, WorkflowStateJson.Options)!.Text).ToList();
    }
}
