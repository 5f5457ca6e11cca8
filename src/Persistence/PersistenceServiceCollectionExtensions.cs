using AfterSales.Persistence.Cases;
using AfterSales.Persistence.Definitions;
using AfterSales.Persistence.FollowUps;
using AfterSales.Persistence.Instances;
using AfterSales.Persistence.Mail;
using AfterSales.Persistence.Reports;
using AfterSales.Persistence.Runtime;
using AfterSales.Persistence.Surveys;
using AfterSales.Persistence.Tasks;
using AfterSales.Persistence.Users;
using AfterSales.Workflows.Expressions;
using AfterSales.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the PostgreSQL stores for the workflow engine (<see cref="IWorkflowDefinitionStore"/>, <see cref="IWorkflowInstanceStore"/>),
    /// <see cref="WorkflowDefinitionService"/>, <see cref="WorkflowInstanceQueries"/>, a pooled <see cref="AfterSalesDbContext"/>
    /// (scoped, and as <see cref="IDbContextFactory{TContext}"/>) and the <see cref="NpgsqlDataSource"/> they share. The engine
    /// itself comes from <c>AddAfterSalesWorkflows()</c>, without <c>UseInMemoryStore()</c>. Apply the schema with
    /// <see cref="MigrateAfterSalesDatabaseAsync"/> before first use.
    /// </summary>
    public static IServiceCollection AddAfterSalesPersistence(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        // The Host binds these to configuration (section Database) and validates them; a bare container uses the defaults.
        services.AddOptions<DatabasePoolOptions>();
        services.AddSingleton(sp => Pool(connectionString, sp.GetService<ILoggerFactory>(), Pools(sp).MaxPoolSize, "AfterSales"));
        services.AddSingleton(sp => new SideReadsDataSource(
            Pool(connectionString, sp.GetService<ILoggerFactory>(), Pools(sp).SideReadsPoolSize, "AfterSales side reads")));
        services.AddPooledDbContextFactory<AfterSalesDbContext>((sp, options) =>
            AfterSalesDbContext.Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContext());

        // Definition look-ups read through the side reads' pool (see SideReadsDataSource for why).
        services.AddSingleton<DefinitionVersionReader>();
        services.AddSingleton<PostgresWorkflowStore>();
        services.AddSingleton<IWorkflowDefinitionStore>(sp => sp.GetRequiredService<PostgresWorkflowStore>());
        services.AddSingleton<IWorkflowInstanceStore>(sp => sp.GetRequiredService<PostgresWorkflowStore>());
        services.AddSingleton<WorkflowDefinitionService>();
        services.AddSingleton<WorkflowInstanceQueries>();
        // Cases: the projection that writes them with each burst, the caseFile expression global, reads and writes.
        services.AddOptions<CaseOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBurstParticipant, CaseProjection>());
        // The side reads' pool, as for DefinitionVersionReader: bursts resolve caseFile while holding their instance's connection.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkflowGlobal, CaseFileGlobal>());
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseContacts>();
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<SurveyService>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<CustomerRegister>();
        services.AddSingleton<UserSeeding>();
        services.AddSingleton<DefinitionSeeding>();
        services.AddSingleton<FollowUpStore>();
        services.AddSingleton<DatabaseProbe>();
        return services;
    }

    /// <summary>
    /// Adds what the background jobs read and write, on their own connections (<see cref="JobsDatabase"/>, sized by
    /// <see cref="DatabasePoolOptions.JobsPoolSize"/>): the mail outbox's sender side, the timer pump's reads, the
    /// reports' queries and the follow-up schedule.
    /// </summary>
    public static IServiceCollection AddAfterSalesJobStores(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddOptions<DatabasePoolOptions>();
        services.AddSingleton(sp => new JobsDatabase(connectionString, Pools(sp).JobsPoolSize));
        services.AddSingleton<MailOutboxStore>();
        services.AddSingleton<TimerStore>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<FollowUpSchedule>();
        return services;
    }

    /// <summary>
    /// Creates or upgrades the <c>aftersales</c> schema. Safe when several hosts start at once: they take turns under a
    /// PostgreSQL advisory lock, and the later ones find nothing left to do.
    /// </summary>
    public static async Task MigrateAfterSalesDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<NpgsqlDataSource>().WhileLockedAsync(AdvisoryLockKey.Migration, async _ =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>()
                .CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    private static DatabasePoolOptions Pools(IServiceProvider services) => services.GetRequiredService<IOptions<DatabasePoolOptions>>().Value;

    /// <summary>A pool of <paramref name="maxPoolSize"/> connections (the budget's, whatever the connection string says), named in <c>pg_stat_activity</c>.</summary>
    private static NpgsqlDataSource Pool(string connectionString, ILoggerFactory? loggers, int maxPoolSize, string applicationName)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.MaxPoolSize = maxPoolSize;
        settings.MinPoolSize = Math.Min(settings.MinPoolSize, maxPoolSize);
        settings.ApplicationName ??= applicationName;
        // The store sends the same few statements over and over: prepared, the server parses and plans each once per connection.
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 64;
        return builder.UseLoggerFactory(loggers).Build();
    }
}
