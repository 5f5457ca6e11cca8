using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Host.Tests.Jobs;
using AfterSales.TestSupport.Engine;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Host.Tests.Security;

/// <summary>Issue 7, finding 12: the Host's leader sweeps the workflow outbox, so a child start lost with a Host is done.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxSweepTests(PostgresFixture postgres)
{
    [Fact]
    public async Task LeadingHost_StartsTheChildOnce_ThatADeadHostLeftUnstarted()
    {
        var settings = JobsHost.FastJobs();
        settings["Jobs:OutboxSweepInterval"] = "00:00:00.200";
        settings["Jobs:OutboxSweepAge"] = "00:00:00";
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("security_outbox_sweep"), settings);
        await host.PublishAsync(JobWorkflows.Delay("sweep_child", "PT1H"));
        await host.PublishAsync(Parent("sweep_parent", "sweep_child"));

        // The start commits the parent (and its outbox entry), then the Host "dies" before it starts the child.
        var dying = new WorkflowRuntime(host.Get<IWorkflowDefinitionStore>(), new DiesAfterAdd(host.Instances), host.Get<WorkflowRunner>(),
            host.Get<CompiledWorkflowCache>(), NullLogger<WorkflowRuntime>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() => dying.StartAsync("sweep_parent"));

        await Eventually.HoldsAsync(async () => await host.ScalarAsync("select count(*) from aftersales.workflow_outbox") == 0,
            TimeSpan.FromSeconds(15), "the sweep empties the outbox");
        Assert.Equal(1, await host.ScalarAsync(
            "select count(*) from aftersales.workflow_instances c join aftersales.workflow_instances p on p.id = c.parent_instance_id "
            + "where c.definition_id = 'sweep_child' and p.definition_id = 'sweep_parent' and c.status = 'Suspended'"));
    }

    private static string Parent(string id, string child) => $$"""
        {
          "definitionId": "{{id}}",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "run", "type": "RunWorkflow", "definitionId": "{{child}}" },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "run" } },
              { "source": { "activity": "run" }, "target": { "activity": "end" } }
            ]
          }
        }
        """;

    private sealed class DiesAfterAdd(IWorkflowInstanceStore inner) : ForwardingInstanceStore(inner)
    {
        public override async Task AddAsync(WorkflowInstance instance, RunResult firstBurst, CancellationToken cancellationToken = default)
        {
            await Inner.AddAsync(instance, firstBurst, cancellationToken);
            throw new InvalidOperationException("the Host died right after the commit");
        }

    }
}
