using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Persistence.Tests;

public sealed class MigrationTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Fact]
    public async Task Migrate_IsSafe_WhenSeveralHostsStartAtOnce()
    {
        var fresh = await Postgres.CreateDatabaseAsync("migration_race");

        var hosts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => TestHost.StartAsync(fresh, Time))));

        try
        {
            await using var db = hosts[0].CreateDbContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrate_CreatesEveryTableInTheAftersalesSchema()
    {
        await using var db = Host.CreateDbContext();

        var tables = await db.Database.SqlQuery<string>($"select table_name as \"Value\" from information_schema.tables where table_schema = 'aftersales' order by 1").ToListAsync();

        Assert.Equal(
            ["__ef_migrations_history", "case_costs", "case_events", "case_number_counters", "case_request_keys", "cases", "customers", "follow_ups", "installed_products",
             "mail_outbox", "surveys", "tasks", "users",
             "workflow_bookmarks", "workflow_definition_versions", "workflow_effects", "workflow_incidents", "workflow_instances", "workflow_journal",
             "workflow_outbox"],
            tables);
    }
}
