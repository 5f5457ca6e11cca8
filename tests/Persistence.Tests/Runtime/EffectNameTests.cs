using System.Text.Json;
using AfterSales.Cases;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using static AfterSales.Persistence.Tests.Cases.CaseWorkflows;

namespace AfterSales.Persistence.Tests.Runtime;

public sealed class EffectNameTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private const string MigrationBefore = "20261201060409_AddCaseRequestKeys";

    [Fact]
    public async Task CaseEffects_AreStoredUnderTheNameTheyDeclare_NotTheirClrName()
    {
        await PublishAsync(Handles("handle"));
        var opened = Opened("case-1", "AS-2026-000001", Time.GetUtcNow());

        var result = await Host.Runtime.StartAsync("handle", Input(opened), "case-1", initialEffects: [opened]);

        Assert.True(result.Succeeded, result.Message);
        await using var db = Host.CreateDbContext();
        var types = await db.Effects.OrderBy(e => e.Id).Select(e => e.Type).ToListAsync();
        Assert.Equal("case.opened", types[0]);
        Assert.All(types, type => Assert.DoesNotContain("AfterSales.", type, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migration_RenamesEffectRowsStoredUnderTheirOldClrNames_AndTheyStillReadAsTheirEffect()
    {
        var connectionString = await Postgres.CreateDatabaseAsync("effect_names_upgrade");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var options = new DbContextOptionsBuilder<AfterSalesDbContext>();
        AfterSalesDbContext.Configure(options, dataSource);
        await using var db = new AfterSalesDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(MigrationBefore);
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var oldStatus = JsonSerializer.Serialize(new CaseStatusChanged("i:a:1", "case-1", CaseStatuses.Resolved, at), WorkflowStateJson.Options);
        await db.Database.ExecuteSqlRawAsync("""
            insert into aftersales.workflow_effects (instance_id, type, payload, created_at) values
                ('i', 'AfterSales.Activities.Cases.CaseStatusChanged', {0}::jsonb, now()),
                ('i', 'AfterSales.Activities.Mail.MailRequested', '{{}}'::jsonb, now()),
                ('i', 'Some.Other.Effect', '{{}}'::jsonb, now())
            """, oldStatus);

        await migrator.MigrateAsync();

        var rows = await db.Effects.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["case.status_changed", "mail.requested", "Some.Other.Effect"], rows.Select(r => r.Type));
        var type = EffectNames.Find(rows[0].Type)!;
        Assert.Equal(new CaseStatusChanged("i:a:1", "case-1", CaseStatuses.Resolved, at), JsonSerializer.Deserialize(rows[0].Payload, type, WorkflowStateJson.Options));
    }
}
