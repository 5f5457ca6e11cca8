namespace AfterSales.Host.Seeding;

internal static class SeedingSetup
{
    public static void AddWorkflowSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>()
            .BindConfiguration(SeedOptions.Section)
            .Validate(o => o.SeedFolder is null || o.SeedFolder.Trim().Length > 0, "Workflows:SeedFolder is blank: remove it to use the default, or name a folder")
            .ValidateOnStart();
        builder.Services.AddScoped<WorkflowSeeder>();
    }

    public static async Task SeedWorkflowsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowSeeder>().SeedAsync();
    }
}
