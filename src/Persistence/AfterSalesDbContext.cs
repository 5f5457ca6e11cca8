using AfterSales.Persistence.Cases;
using AfterSales.Persistence.Definitions;
using AfterSales.Persistence.FollowUps;
using AfterSales.Persistence.Instances;
using AfterSales.Persistence.Mail;
using AfterSales.Persistence.Surveys;
using AfterSales.Persistence.Tasks;
using AfterSales.Persistence.Users;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AfterSales.Persistence;

/// <summary>
/// The product's one EF Core context: it owns the <c>aftersales</c> schema and its migrations. Hot paths that need
/// one round trip per burst (the workflow store) write the same tables through plain Npgsql.
/// </summary>
public sealed class AfterSalesDbContext(DbContextOptions<AfterSalesDbContext> options) : DbContext(options)
{
    public const string Schema = "aftersales";

    public DbSet<WorkflowDefinitionVersionEntity> DefinitionVersions => Set<WorkflowDefinitionVersionEntity>();
    public DbSet<WorkflowInstanceEntity> Instances => Set<WorkflowInstanceEntity>();
    public DbSet<WorkflowBookmarkEntity> Bookmarks => Set<WorkflowBookmarkEntity>();
    public DbSet<WorkflowJournalEntity> Journal => Set<WorkflowJournalEntity>();
    public DbSet<WorkflowIncidentEntity> Incidents => Set<WorkflowIncidentEntity>();
    public DbSet<WorkflowEffectEntity> Effects => Set<WorkflowEffectEntity>();
    public DbSet<WorkflowOutboxEntity> Outbox => Set<WorkflowOutboxEntity>();
    public DbSet<CaseEntity> Cases => Set<CaseEntity>();
    public DbSet<CaseNumberCounterEntity> CaseNumberCounters => Set<CaseNumberCounterEntity>();
    public DbSet<CaseRequestKeyEntity> CaseRequestKeys => Set<CaseRequestKeyEntity>();
    public DbSet<CaseEventEntity> CaseEvents => Set<CaseEventEntity>();
    public DbSet<CaseCostEntity> CaseCosts => Set<CaseCostEntity>();
    public DbSet<TaskEntity> Tasks => Set<TaskEntity>();
    public DbSet<MailOutboxEntity> MailOutbox => Set<MailOutboxEntity>();
    public DbSet<SurveyEntity> Surveys => Set<SurveyEntity>();
    public DbSet<UserEntity> Users => Set<UserEntity>();
    public DbSet<CustomerEntity> Customers => Set<CustomerEntity>();
    public DbSet<InstalledProductEntity> InstalledProducts => Set<InstalledProductEntity>();
    public DbSet<FollowUpEntity> FollowUps => Set<FollowUpEntity>();

    /// <summary>The provider settings, shared by the running application and the design-time factory.</summary>
    internal static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", Schema));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AfterSalesDbContext).Assembly);
    }
}
