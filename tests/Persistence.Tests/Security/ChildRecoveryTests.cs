using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Engine;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static AfterSales.Persistence.Tests.Infrastructure.TestWorkflows;

namespace AfterSales.Persistence.Tests.Security;

/// <summary>
/// Issue 7, finding 12: a burst's work on other instances (start a child, resume a parent) is recorded in the burst's own
/// transaction, so a Host that dies right after the commit leaves it to the recovery sweep, which does it exactly once.
/// </summary>
public sealed class ChildRecoveryTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Fact]
    public async Task Sweep_StartsTheMissingChildOnce_WhenTheHostDiedAfterTheParentsFirstBurst()
    {
        await PublishParentAndChildAsync();

        await Assert.ThrowsAsync<HostDiedException>(() => DyingRuntime().StartAsync("parent", correlationId: "AS-1"));
        var parent = await SingleAsync("parent");
        Assert.Equal(0, await CountAsync("child"));

        var restarted = await StartHostAsync();
        Assert.Equal(1, await restarted.Runtime.SweepOutboxAsync(Time.GetUtcNow()));
        Assert.Equal(0, await restarted.Runtime.SweepOutboxAsync(Time.GetUtcNow()));

        var child = await SingleAsync("child");
        Assert.Equal((parent.Id, "Suspended"), (child.ParentInstanceId, child.Status));
        // The recovered child is the one the parent waits on: its end resumes the parent.
        Assert.Equal(1, await restarted.Runtime.SignalAsync(Signal, "AS-1", Reply()));
        Assert.Equal(WorkflowStatus.Completed, (await restarted.Instances.FindAsync(parent.Id))!.Status);
    }

    [Fact]
    public async Task Sweeps_OfTwoHostsAtOnce_StartTheMissingChildOnce()
    {
        await PublishParentAndChildAsync();
        await Assert.ThrowsAsync<HostDiedException>(() => DyingRuntime().StartAsync("parent", correlationId: "AS-2"));
        var other = await StartHostAsync();

        await Task.WhenAll(Host.Runtime.SweepOutboxAsync(Time.GetUtcNow()), other.Runtime.SweepOutboxAsync(Time.GetUtcNow()));

        Assert.Equal(1, await CountAsync("child"));
        Assert.Equal(0, await Host.Runtime.SweepOutboxAsync(Time.GetUtcNow()));
    }

    [Fact]
    public async Task Sweep_ResumesTheParent_WhenTheHostDiedAfterTheChildsLastBurst()
    {
        await PublishParentAndChildAsync();
        var parent = await StartAsync("parent", correlationId: "AS-3");

        await Assert.ThrowsAsync<HostDiedException>(() => DyingRuntime().SignalAsync(Signal, "AS-3", Reply()));
        Assert.Equal("Completed", (await SingleAsync("child")).Status);
        Assert.Equal(WorkflowStatus.Suspended, (await Host.Instances.FindAsync(parent.Id))!.Status);

        Assert.Equal(1, await Host.Runtime.SweepOutboxAsync(Time.GetUtcNow()));

        Assert.Equal(WorkflowStatus.Completed, (await Host.Instances.FindAsync(parent.Id))!.Status);
    }

    [Fact]
    public async Task Sweep_LeavesEntriesYoungerThanItsLimit_ToTheHostThatWroteThem()
    {
        await PublishParentAndChildAsync();
        await Assert.ThrowsAsync<HostDiedException>(() => DyingRuntime().StartAsync("parent", correlationId: "AS-4"));

        Assert.Equal(0, await Host.Runtime.SweepOutboxAsync(Time.GetUtcNow() - TimeSpan.FromSeconds(1)));

        Assert.Equal(0, await CountAsync("child"));
    }

    [Fact]
    public async Task NormalPath_StartsTheChild_AndLeavesNothingToSweep()
    {
        await PublishParentAndChildAsync();

        await StartAsync("parent", correlationId: "AS-5");

        Assert.Equal(1, await CountAsync("child"));
        Assert.Equal(0, await Host.Runtime.SweepOutboxAsync(Time.GetUtcNow()));
    }

    private async Task PublishParentAndChildAsync()
    {
        await PublishAsync(WaitsForReply("child"));
        await PublishAsync(new WorkflowBuilder("parent")
            .Activity("start", "Start")
            .Activity("run", "RunWorkflow", ("definitionId", ExpressionSpec.Of("child")))
            .Activity("end", "End")
            .Connect("start", "run").Connect("run", "end")
            .Build());
    }

    /// <summary>A runtime whose Host dies as soon as a burst is committed: nothing after the commit runs.</summary>
    private WorkflowRuntime DyingRuntime() => new(
        Host.Services.GetRequiredService<IWorkflowDefinitionStore>(), new DiesAfterCommit(Host.Instances),
        Host.Services.GetRequiredService<WorkflowRunner>(), Host.Services.GetRequiredService<CompiledWorkflowCache>(),
        NullLogger<WorkflowRuntime>.Instance);

    private async Task<int> CountAsync(string definitionId)
    {
        await using var db = Host.CreateDbContext();
        return await db.Instances.CountAsync(i => i.DefinitionId == definitionId);
    }

    private async Task<AfterSales.Persistence.Instances.WorkflowInstanceEntity> SingleAsync(string definitionId)
    {
        await using var db = Host.CreateDbContext();
        return await db.Instances.AsNoTracking().SingleAsync(i => i.DefinitionId == definitionId);
    }

    private sealed class HostDiedException() : Exception("the Host died right after the commit");

    private sealed class DiesAfterCommit(IWorkflowInstanceStore inner) : ForwardingInstanceStore(inner)
    {
        public override async Task AddAsync(WorkflowInstance instance, RunResult firstBurst, CancellationToken cancellationToken = default)
        {
            await Inner.AddAsync(instance, firstBurst, cancellationToken);
            throw new HostDiedException();
        }

        public override async Task<(bool Found, T Value)> UpdateAsync<T>(string instanceId, Func<WorkflowInstance, Task<(T Value, RunResult? Changes)>> work,
            CancellationToken cancellationToken = default)
        {
            var (found, value) = await Inner.UpdateAsync(instanceId, work, cancellationToken);
            return found ? throw new HostDiedException() : (found, value);
        }

    }
}
