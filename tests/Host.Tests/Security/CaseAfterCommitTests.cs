using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Host.Tests.Jobs;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Security;

/// <summary>A case whose first burst committed is answered as opened even when the work after the commit fails: never a 500 that invites a duplicate.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseAfterCommitTests(PostgresFixture postgres)
{
    [Fact]
    public async Task OpenCase_AnswersTheWrittenCase_WhenStartingItsChildFailsAfterTheCommit()
    {
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("case_after_commit"), JobsHost.FastJobs(),
            services =>
            {
                var real = services.Last(d => d.ServiceType == typeof(IWorkflowDefinitionStore));
                services.AddSingleton<IWorkflowDefinitionStore>(sp => new ChildStartFails((IWorkflowDefinitionStore)real.ImplementationFactory!(sp)));
            });
        foreach (var path in new[] { "complaint.json", "sla_first_response.json" })
            await host.PublishAsync(await File.ReadAllTextAsync(Path.Combine(CaseApi.ProcessFolder, path)));
        var client = await host.CreateClient().SignInAsync("aftersales");

        var response = await client.PostAsJsonAsync(CaseApi.Cases, CaseApi.NewCase(customer: "After Commit"));

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        Assert.Equal(1, await host.ScalarAsync("select count(*) from aftersales.cases where id = $1", created.Text("id")));
        Assert.Equal(1, await host.ScalarAsync("select count(*) from aftersales.cases"));
    }

    /// <summary>The database "fails" when the SLA child is looked up: after the case's first burst committed.</summary>
    private sealed class ChildStartFails(IWorkflowDefinitionStore inner) : IWorkflowDefinitionStore
    {
        public Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
            definitionId == "sla_first_response"
                ? throw new InvalidOperationException("injected: the database went away after the commit")
                : inner.FindPublishedAsync(definitionId, cancellationToken);

        public Task<WorkflowDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
            inner.FindVersionAsync(definitionId, version, cancellationToken);
    }
}
