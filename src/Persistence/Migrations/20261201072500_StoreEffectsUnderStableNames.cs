using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Persistence.Migrations
{
    /// <summary>
    /// Effects were stored under their CLR full name; the case effects now declare a stable name (<c>EffectNameAttribute</c>).
    /// Rewrites the rows stored before. The names are written out here, not read from <c>EffectNames.Legacy</c>: a migration
    /// records what ran and must not change when the code does.
    /// </summary>
    public partial class StoreEffectsUnderStableNames : Migration
    {
        private static readonly (string ClrName, string Name)[] Names =
        [
            ("AfterSales.Persistence.Cases.CaseOpened", "case.opened"),
            ("AfterSales.Activities.Cases.CaseStatusChanged", "case.status_changed"),
            ("AfterSales.Activities.Cases.CaseOwnerAssigned", "case.owner_assigned"),
            ("AfterSales.Activities.Cases.CaseTimelineEntry", "case.timeline_entry"),
            ("AfterSales.Activities.Escalations.CaseEscalated", "case.escalated"),
            ("AfterSales.Activities.Mail.MailRequested", "mail.requested"),
            ("AfterSales.Activities.Surveys.SurveyRequested", "survey.requested"),
            ("AfterSales.Activities.Sla.SlaClockStarted", "sla.clock_started"),
            ("AfterSales.Activities.Sla.FirstResponseRecorded", "sla.first_response_recorded"),
        ];

        protected override void Up(MigrationBuilder migrationBuilder) => Rename(migrationBuilder, toStable: true);

        protected override void Down(MigrationBuilder migrationBuilder) => Rename(migrationBuilder, toStable: false);

        private static void Rename(MigrationBuilder migrationBuilder, bool toStable)
        {
            var pairs = string.Join(",\n    ", Names.Select(n => toStable ? $"('{n.ClrName}', '{n.Name}')" : $"('{n.Name}', '{n.ClrName}')"));
            migrationBuilder.Sql($"""
                update aftersales.workflow_effects e set type = m.new_type
                from (values
                    {pairs}) as m (old_type, new_type)
                where e.type = m.old_type
                """);
        }
    }
}
