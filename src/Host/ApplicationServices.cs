using System.Text.Json.Serialization;
using AfterSales.Activities;
using AfterSales.Host.Database;
using AfterSales.Host.Definitions;
using AfterSales.Host.Descriptors;
using AfterSales.Host.Health;
using AfterSales.Host.Http;
using AfterSales.Host.Instances;
using AfterSales.Host.Seeding;
using AfterSales.Persistence;
using AfterSales.Workflows;

namespace AfterSales.Host;

internal static class ApplicationServices
{
    /// <summary>
    /// Registers everything the Host runs. Async because without a configured connection string the embedded
    /// PostgreSQL must be running before its connection string can be handed to the persistence.
    /// </summary>
    public static async Task AddApplicationServicesAsync(this WebApplicationBuilder builder)
    {
        var connectionString = await builder.AddAfterSalesDatabaseAsync();
        builder.Services.AddAfterSalesWorkflows(o => builder.Configuration.GetSection("Workflows").Bind(o)).AddCoreActivities();
        builder.Services.AddAfterSalesPersistence(connectionString);
        builder.AddWorkflowSeeding();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Malformed bodies and query strings throw, so BadRequestExceptionHandler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
    }

    /// <summary>Migrates the database, then imports the seed workflows when there are no definitions yet.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync();
        await app.SeedWorkflowsAsync();
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapActivityDescriptorEndpoints();
        app.MapWorkflowDefinitionEndpoints();
        app.MapWorkflowInstanceEndpoints();
    }
}
