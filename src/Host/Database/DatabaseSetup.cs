using AfterSales.Host.Jobs;
using AfterSales.Persistence;
using AfterSales.Persistence.Embedded;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Host.Database;

internal static class DatabaseSetup
{
    public const string ConnectionStringName = "AfterSales";

    /// <summary>Configuration section of the embedded cluster's <see cref="EmbeddedPostgresOptions"/> (DataDirectory, Port, Durable, BinarySearchPath).</summary>
    public const string EmbeddedSection = "Database";

    /// <summary>
    /// Answers <c>ConnectionStrings:AfterSales</c> when set. Otherwise starts the embedded PostgreSQL on its data folder
    /// (reused from one start to the next), registers it to stop when the Host stops, and answers its connection string.
    /// </summary>
    public static async Task<string> AddAfterSalesDatabaseAsync(this WebApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<DatabaseOutage>();
        // The pools' sizes (the Host's connection budget), read by the persistence and the jobs when they build their pools.
        builder.Services.AddOptions<DatabasePoolOptions>().BindConfiguration(DatabasePoolOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabasePoolOptions>>(new OptionsProblems<DatabasePoolOptions>(o => o.Validate()));
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var options = builder.Configuration.GetSection(EmbeddedSection).Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
            EmbeddedPostgres cluster;
            try
            {
                cluster = await EmbeddedPostgres.StartAsync(options);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new StartupException(
                    $"ConnectionStrings:{ConnectionStringName} is not set, so the Host runs its own PostgreSQL in {options.DataDirectory}, "
                    + $"and that could not start: {e.Message}", e);
            }
            // A factory registration, so the container also disposes (stops) it when the app is disposed without having run:
            // MigrateDatabaseAsync resolves it first thing, which is what makes the container track it.
            builder.Services.AddSingleton(_ => cluster);
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
            connectionString = cluster.ConnectionString;
        }
        return connectionString;
    }

    /// <summary>Applies the migrations; a database that cannot be reached stops the start with a message saying which.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<NpgsqlDataSource>().Describe();
        if (app.Services.GetService<EmbeddedPostgres>() is { } cluster)
            app.Logger.LogInformation("Using the embedded PostgreSQL in {DataDirectory} on port {Port}", cluster.DataDirectory, cluster.Port);
        try
        {
            await app.Services.MigrateAfterSalesDatabaseAsync();
        }
        catch (Exception e) when (e is NpgsqlException || e.InnerException is NpgsqlException)
        {
            throw new StartupException($"The database {database} cannot be reached or migrated: {e.Message}", e);
        }
        app.Logger.LogInformation("Database {Database} is migrated", database);
    }
}
