using AfterSales.Activities;
using AfterSales.Activities.Mail;
using AfterSales.Persistence.Definitions;
using AfterSales.Persistence.Instances;
using AfterSales.Workflows;
using AfterSales.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Persistence.Tests.Infrastructure;

/// <summary>
/// What a Host process builds: the engine with the after-sales activities on the PostgreSQL stores, migrated. Two of them
/// on one database are two hosts sharing it; disposing one and building another is a restart.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestHost(ServiceProvider services) => _services = services;

    public static async Task<TestHost> StartAsync(string connectionString, TimeProvider time)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(time);
        services.AddAfterSalesWorkflows().AddAfterSalesActivities().AddActivity<Announce>();
        // The literal address the case workflows of these tests mail, allowed as an administrator would (Mail:AllowedAddresses).
        services.AddSingleton(new MailRecipientOptions { AllowedAddresses = ["ops@example.com"] });
        services.AddAfterSalesPersistence(connectionString);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.MigrateAfterSalesDatabaseAsync();
        return new TestHost(provider);
    }

    public IServiceProvider Services => _services;
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public WorkflowDefinitionService Definitions => _services.GetRequiredService<WorkflowDefinitionService>();
    public WorkflowInstanceQueries Queries => _services.GetRequiredService<WorkflowInstanceQueries>();
    public IWorkflowInstanceStore Instances => _services.GetRequiredService<IWorkflowInstanceStore>();

    public AfterSalesDbContext CreateDbContext() => _services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContext();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
