using System.Text.Json.Serialization;
using AfterSales.Activities;
using AfterSales.Host.Auth;
using AfterSales.Host.Cases;
using AfterSales.Host.Customers;
using AfterSales.Host.Database;
using AfterSales.Host.Definitions;
using AfterSales.Host.Descriptors;
using AfterSales.Host.FollowUps;
using AfterSales.Host.Forms;
using AfterSales.Host.Health;
using AfterSales.Host.Http;
using AfterSales.Host.Instances;
using AfterSales.Host.Jobs;
using AfterSales.Host.Seeding;
using AfterSales.Host.Surveys;
using AfterSales.Host.Tasks;
using AfterSales.Host.Web;
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
        builder.Services.AddAfterSalesWorkflows(o =>
        {
            builder.Configuration.GetSection("Workflows").Bind(o);
            if (o.Validate() is { Count: > 0 } problems) throw new StartupException(string.Join("; ", problems));
        }).AddAfterSalesActivities();
        builder.Services.AddAfterSalesPersistence(connectionString);
        builder.AddAfterSalesJobs(connectionString);
        builder.AddCaseOptions();
        builder.AddWorkflowSeeding();
        builder.AddAfterSalesAuth();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Malformed bodies and query strings throw, so BadRequestExceptionHandler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // RequestGuard refuses these first; bound records refuse them too should a body ever bypass it.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.Services.AddOpenApi(o => o.AddClosedSets());
    }

    /// <summary>Migrates the database, then creates the role users when there are no users and imports the seed workflows when there are no definitions yet.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync();
        await app.PrepareJobsAsync();
        await app.SeedUsersAsync();
        await app.SeedWorkflowsAsync();
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseWebAppFiles();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAfterSalesAuth();
        // After authorisation, so a caller without the right gets 401/403 before anything about the request is said.
        app.UseMiddleware<RequestGuard>();
        app.MapOpenApi();
        app.MapAuthEndpoints();
        app.MapUserEndpoints();
        app.MapHealthEndpoints();
        app.MapJobsDashboard();
        app.MapActivityDescriptorEndpoints();
        app.MapWorkflowDefinitionEndpoints();
        app.MapWorkflowInstanceEndpoints();
        app.MapCaseEndpoints();
        app.MapTaskEndpoints();
        app.MapFormEndpoints();
        app.MapSurveyEndpoints();
        app.MapFollowUpEndpoints();
        app.MapCustomerEndpoints();
        app.MapWebApp();
    }
}
