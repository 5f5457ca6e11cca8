using System.Text.Json.Nodes;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static AfterSales.Persistence.Tests.Infrastructure.TestWorkflows;

namespace AfterSales.Persistence.Tests.Runtime;

public sealed class PostgresWorkflowStoreTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Fact]
    public async Task Start_SavesTheInstance_WithItsBookmarkRow_AndJournal()
    {
        await PublishAsync(WaitsForReply("complaint"));

        var instance = await StartAsync("complaint", correlationId: "AS-2026-000123");

        var saved = await Host.Instances.FindAsync(instance.Id);
        Assert.Equal(WorkflowStatus.Suspended, saved!.Status);
        Assert.Equal(instance.Bookmarks.Select(b => b.Id), saved.Bookmarks.Select(b => b.Id));
        Assert.Equal(["start", "wait"], (await Host.Instances.GetJournalAsync(instance.Id)).Select(j => j.ActivityId));
        await using var db = Host.CreateDbContext();
        var row = await db.Bookmarks.SingleAsync();
        Assert.Equal((instance.Id, "Signal:" + Signal, "AS-2026-000123"), (row.InstanceId, row.Name, row.Key));
    }

    [Fact]
    public async Task Journal_KeepsRecordedInputsAndOutputs()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var instance = await StartAsync("complaint", correlationId: "AS-1");

        await Host.Runtime.ResumeAsync(instance.Id, instance.Bookmarks.Single().Id, Reply("fixed, thanks"));

        var journal = await Host.Instances.GetJournalAsync(instance.Id);
        var resumed = journal.Single(j => j.Kind == "Resumed");
        Assert.Equal(["start", "wait", "wait", "end"], journal.Select(j => j.ActivityId));
        Assert.Equal(journal.Select((_, i) => (long)i), journal.Select(j => j.Sequence));
        Assert.Equal("fixed, thanks", resumed.Outputs?["payload"]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Add_OfAnExistingId_ThrowsDuplicateInstance_AndWritesNothingMore()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var instance = await StartAsync("complaint");
        var burst = new RunResult();
        burst.Journal.Add(new JournalEntry(instance.Id, 99, "x", "Log", "Executed", Time.GetUtcNow(), Time.GetUtcNow(), "Done", null, null, null));

        var e = await Assert.ThrowsAsync<DuplicateInstanceException>(() => Host.Instances.AddAsync(instance, burst));

        Assert.Equal(instance.Id, e.InstanceId);
        Assert.DoesNotContain(await Host.Instances.GetJournalAsync(instance.Id), j => j.Sequence == 99);
    }

    [Fact]
    public async Task Update_OfAnUnknownInstance_AnswersNotFound_WithoutRunningTheWork()
    {
        var ran = false;

        var (found, _) = await Host.Instances.UpdateAsync("nope", _ =>
        {
            ran = true;
            return Task.FromResult((0, (RunResult?)null));
        });

        Assert.False(found);
        Assert.False(ran);
    }

    [Fact]
    public async Task Update_WhoseWorkThrowsAfterChangingTheInstance_LeavesNothingWritten()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var instance = await StartAsync("complaint");
        var bookmark = instance.Bookmarks.Single();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Host.Instances.UpdateAsync<int>(instance.Id, async loaded =>
        {
            // What a real burst does, then a failure before it returns.
            var result = await Host.Services.GetRequiredService<WorkflowRunner>().ResumeAsync(
                Host.Services.GetRequiredService<CompiledWorkflowCache>().Get((await Host.Services.GetRequiredService<IWorkflowDefinitionStore>().FindVersionAsync("complaint", 1))!),
                loaded, bookmark.Id, Reply());
            Assert.Equal(WorkflowStatus.Completed, loaded.Status);
            Assert.NotEmpty(result.Journal);
            throw new InvalidOperationException("the burst failed");
        }));

        await AssertUnchangedAsync(instance);
        var resumed = await Host.Runtime.ResumeAsync(instance.Id, bookmark.Id, Reply());
        Assert.Equal(WorkflowStatus.Completed, resumed.Instance!.Status);
    }

    [Fact]
    public async Task Update_WhoseSaveFailsHalfway_LeavesNothingWritten()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var instance = await StartAsync("complaint");
        var existing = instance.Bookmarks.Single();

        // The state update runs first in the batch; the bookmark insert after it hits the existing row's key.
        var e = await Assert.ThrowsAsync<PostgresException>(() => Host.Instances.UpdateAsync(instance.Id, loaded =>
        {
            loaded.Status = WorkflowStatus.Cancelled;
            loaded.Variables["touched"] = true;
            var changes = new RunResult();
            changes.CreatedBookmarks.Add(existing);
            changes.Journal.Add(new JournalEntry(instance.Id, loaded.JournalSequence++, "wait", "WaitForSignal", "Resumed", Time.GetUtcNow(), Time.GetUtcNow(), "Done", null, null, null));
            return Task.FromResult((0, (RunResult?)changes));
        }));

        Assert.Equal(("23505", "pk_workflow_bookmarks"), (e.SqlState, e.ConstraintName));
        await AssertUnchangedAsync(instance);
    }

    [Fact]
    public async Task Update_WithoutChanges_SavesNothing()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var instance = await StartAsync("complaint");

        var (found, value) = await Host.Instances.UpdateAsync(instance.Id, loaded =>
        {
            loaded.Status = WorkflowStatus.Cancelled;
            return Task.FromResult(("looked", (RunResult?)null));
        });

        Assert.True(found);
        Assert.Equal("looked", value);
        await AssertUnchangedAsync(instance);
    }

    [Fact]
    public async Task Instance_SurvivesARestart_AndCompletesOnTheNewHost()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var before = await StartHostAsync();
        var instance = await StartAsync("complaint", correlationId: "AS-7", host: before);
        await before.DisposeAsync();

        await using var after = await TestHost.StartAsync(ConnectionString, Time);
        var waiting = Assert.Single(await after.Instances.FindBookmarksAsync("Signal:" + Signal, "AS-7"));
        var resumed = await after.Runtime.ResumeAsync(waiting.InstanceId, waiting.BookmarkId, Reply());

        Assert.Equal(instance.Id, waiting.InstanceId);
        Assert.True(resumed.Succeeded, resumed.Message);
        Assert.Equal(WorkflowStatus.Completed, (await after.Instances.FindAsync(instance.Id))!.Status);
        Assert.Empty(await after.Instances.FindBookmarksAsync("Signal:" + Signal, null));
    }

    [Fact]
    public async Task Resume_RunsOnce_WhenManyThreadsResumeTheSameBookmark()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var instance = await StartAsync("complaint");
        var bookmark = instance.Bookmarks.Single();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
            Host.Runtime.ResumeAsync(instance.Id, bookmark.Id, Reply()))));

        await AssertRanOnceAsync(instance.Id, results);
    }

    [Fact]
    public async Task Resume_RunsOnce_WhenTwoHostsResumeTheSameBookmark()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var other = await StartHostAsync();
        var instance = await StartAsync("complaint");
        var bookmark = instance.Bookmarks.Single();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Host : other).Runtime.ResumeAsync(instance.Id, bookmark.Id, Reply()))));

        await AssertRanOnceAsync(instance.Id, results);
    }

    [Fact]
    public async Task Fault_WritesAnIncidentRow_AndRetryMarksItResolved()
    {
        await PublishAsync(Faults("broken"));
        var instance = await StartAsync("broken");
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);

        await Host.Runtime.RetryAsync(instance.Id);

        await using var db = Host.CreateDbContext();
        var incidents = await db.Incidents.OrderBy(i => i.At).ToListAsync();
        Assert.Equal(2, incidents.Count);
        Assert.All(incidents, i => Assert.Equal((instance.Id, "set", "SetVariable"), (i.InstanceId, i.ActivityId, i.ActivityType)));
        Assert.NotNull(incidents[0].ResolvedAt);
        Assert.Null(incidents[1].ResolvedAt);
        Assert.Contains("undeclared", incidents[0].Message);
    }

    private async Task AssertRanOnceAsync(string instanceId, RuntimeResult[] results)
    {
        Assert.Single(results, r => r.Outcome == RunOutcome.Ran);
        Assert.All(results.Where(r => r.Outcome != RunOutcome.Ran), r => Assert.Equal(RunOutcome.BookmarkNotFound, r.Outcome));
        Assert.Single(await Host.Instances.GetJournalAsync(instanceId), j => j.Kind == "Resumed");
        Assert.Equal(WorkflowStatus.Completed, (await Host.Instances.FindAsync(instanceId))!.Status);
    }

    private async Task AssertUnchangedAsync(WorkflowInstance started)
    {
        var now = await Host.Instances.FindAsync(started.Id);
        Assert.Equal(WorkflowStatus.Suspended, now!.Status);
        Assert.False(now.Variables.ContainsKey("touched"));
        Assert.Equal(started.JournalSequence, now.JournalSequence);
        Assert.Equal(started.Bookmarks.Select(b => b.Id), now.Bookmarks.Select(b => b.Id));
        Assert.Equal(started.JournalSequence, (await Host.Instances.GetJournalAsync(started.Id)).Count);
        var pending = Assert.Single(await Host.Instances.FindBookmarksAsync("Signal:" + Signal, null));
        Assert.Equal(started.Bookmarks.Single().Id, pending.BookmarkId);
        await using var db = Host.CreateDbContext();
        Assert.Equal(1, await db.Instances.Where(i => i.Id == started.Id).Select(i => i.Version).SingleAsync());
        Assert.Equal(nameof(WorkflowStatus.Suspended), await db.Instances.Where(i => i.Id == started.Id).Select(i => i.Status).SingleAsync());
    }
}
