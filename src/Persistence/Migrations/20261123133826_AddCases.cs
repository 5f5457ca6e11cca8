using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Persistence.Migrations;

/// <inheritdoc />
public partial class AddCases : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "case_number_counters",
            schema: "aftersales",
            columns: table => new
            {
                year = table.Column<int>(type: "integer", nullable: false),
                last = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_number_counters", x => x.year);
            });

        migrationBuilder.CreateTable(
            name: "cases",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                number = table.Column<string>(type: "text", nullable: false),
                kind = table.Column<string>(type: "text", nullable: false),
                channel = table.Column<string>(type: "text", nullable: false),
                customer = table.Column<string>(type: "jsonb", nullable: false),
                product = table.Column<string>(type: "jsonb", nullable: false),
                hosts = table.Column<int>(type: "integer", nullable: false),
                accessories = table.Column<int>(type: "integer", nullable: false),
                description = table.Column<string>(type: "text", nullable: true),
                status = table.Column<string>(type: "text", nullable: false),
                owner = table.Column<string>(type: "text", nullable: true),
                workflow_instance_id = table.Column<string>(type: "text", nullable: true),
                escalation_level = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                first_response_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                first_responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                sla_paused_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                sla_paused_total = table.Column<TimeSpan>(type: "interval", nullable: false, defaultValueSql: "interval '0'"),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_cases", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "mail_outbox",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                event_key = table.Column<string>(type: "text", nullable: false),
                case_id = table.Column<string>(type: "text", nullable: true),
                recipients = table.Column<string[]>(type: "text[]", nullable: false),
                subject = table.Column<string>(type: "text", nullable: false),
                body = table.Column<string>(type: "text", nullable: false),
                status = table.Column<string>(type: "text", nullable: false),
                attempts = table.Column<int>(type: "integer", nullable: false),
                last_error = table.Column<string>(type: "text", nullable: true),
                next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                message_id = table.Column<string>(type: "text", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_mail_outbox", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "tasks",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                case_id = table.Column<string>(type: "text", nullable: true),
                instance_id = table.Column<string>(type: "text", nullable: false),
                activity_id = table.Column<string>(type: "text", nullable: false),
                role = table.Column<string>(type: "text", nullable: true),
                assignee = table.Column<string>(type: "text", nullable: true),
                title = table.Column<string>(type: "text", nullable: false),
                form = table.Column<string>(type: "text", nullable: true),
                outcomes = table.Column<string[]>(type: "text[]", nullable: false),
                due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                status = table.Column<string>(type: "text", nullable: false),
                claimed_by = table.Column<string>(type: "text", nullable: true),
                claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                completed_by = table.Column<string>(type: "text", nullable: true),
                completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                outcome = table.Column<string>(type: "text", nullable: true),
                form_data = table.Column<string>(type: "jsonb", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_tasks", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "users",
            schema: "aftersales",
            columns: table => new
            {
                user_name = table.Column<string>(type: "text", nullable: false),
                display_name = table.Column<string>(type: "text", nullable: false),
                email = table.Column<string>(type: "text", nullable: true),
                password_hash = table.Column<string>(type: "text", nullable: false),
                roles = table.Column<string[]>(type: "text[]", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_users", x => x.user_name);
            });

        migrationBuilder.CreateTable(
            name: "case_costs",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                case_id = table.Column<string>(type: "text", nullable: false),
                kind = table.Column<string>(type: "text", nullable: false),
                amount = table.Column<decimal>(type: "numeric(12,2)", nullable: false),
                person_times = table.Column<int>(type: "integer", nullable: false),
                note = table.Column<string>(type: "text", nullable: true),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                recorded_by = table.Column<string>(type: "text", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_costs", x => x.id);
                table.ForeignKey(
                    name: "fk_case_costs_cases",
                    column: x => x.case_id,
                    principalSchema: "aftersales",
                    principalTable: "cases",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "case_events",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                case_id = table.Column<string>(type: "text", nullable: false),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                kind = table.Column<string>(type: "text", nullable: false),
                actor = table.Column<string>(type: "text", nullable: true),
                text = table.Column<string>(type: "text", nullable: false),
                data = table.Column<string>(type: "jsonb", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_events", x => x.id);
                table.ForeignKey(
                    name: "fk_case_events_cases",
                    column: x => x.case_id,
                    principalSchema: "aftersales",
                    principalTable: "cases",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "surveys",
            schema: "aftersales",
            columns: table => new
            {
                token = table.Column<string>(type: "text", nullable: false),
                case_id = table.Column<string>(type: "text", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                rating = table.Column<int>(type: "integer", nullable: true),
                comment = table.Column<string>(type: "text", nullable: true),
                would_recommend = table.Column<bool>(type: "boolean", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_surveys", x => x.token);
                table.CheckConstraint("ck_surveys_rating", "rating between 1 and 5");
                table.ForeignKey(
                    name: "fk_surveys_cases",
                    column: x => x.case_id,
                    principalSchema: "aftersales",
                    principalTable: "cases",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_case_costs_at_kind",
            schema: "aftersales",
            table: "case_costs",
            columns: new[] { "at", "kind" });

        migrationBuilder.CreateIndex(
            name: "ix_case_costs_case_id_at",
            schema: "aftersales",
            table: "case_costs",
            columns: new[] { "case_id", "at" });

        migrationBuilder.CreateIndex(
            name: "ix_case_events_case_id_at",
            schema: "aftersales",
            table: "case_events",
            columns: new[] { "case_id", "at" });

        migrationBuilder.CreateIndex(
            name: "ix_cases_created_at",
            schema: "aftersales",
            table: "cases",
            column: "created_at");

        migrationBuilder.CreateIndex(
            name: "ix_cases_first_response_overdue",
            schema: "aftersales",
            table: "cases",
            column: "first_response_due_at",
            filter: "first_responded_at is null");

        migrationBuilder.CreateIndex(
            name: "ix_cases_kind_created_at",
            schema: "aftersales",
            table: "cases",
            columns: new[] { "kind", "created_at" });

        migrationBuilder.CreateIndex(
            name: "ix_cases_status_created_at",
            schema: "aftersales",
            table: "cases",
            columns: new[] { "status", "created_at" });

        migrationBuilder.CreateIndex(
            name: "ix_cases_workflow_instance_id",
            schema: "aftersales",
            table: "cases",
            column: "workflow_instance_id");

        migrationBuilder.CreateIndex(
            name: "ux_cases_number",
            schema: "aftersales",
            table: "cases",
            column: "number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_mail_outbox_case_id",
            schema: "aftersales",
            table: "mail_outbox",
            column: "case_id");

        migrationBuilder.CreateIndex(
            name: "ix_mail_outbox_pending",
            schema: "aftersales",
            table: "mail_outbox",
            column: "id",
            filter: "status = 'pending'");

        migrationBuilder.CreateIndex(
            name: "ux_mail_outbox_event_key",
            schema: "aftersales",
            table: "mail_outbox",
            column: "event_key",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_surveys_case_id",
            schema: "aftersales",
            table: "surveys",
            column: "case_id");

        migrationBuilder.CreateIndex(
            name: "ix_tasks_assignee_status",
            schema: "aftersales",
            table: "tasks",
            columns: new[] { "assignee", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_tasks_case_id",
            schema: "aftersales",
            table: "tasks",
            column: "case_id");

        migrationBuilder.CreateIndex(
            name: "ix_tasks_instance_id",
            schema: "aftersales",
            table: "tasks",
            column: "instance_id");

        migrationBuilder.CreateIndex(
            name: "ix_tasks_role_status",
            schema: "aftersales",
            table: "tasks",
            columns: new[] { "role", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_users_roles",
            schema: "aftersales",
            table: "users",
            column: "roles")
            .Annotation("Npgsql:IndexMethod", "gin");

        // The case list filters on "customer name or company contains": a trigram index serves ILIKE '%…%'. pg_trgm
        // ships with PostgreSQL's server packages; where it cannot be created the filter still works, by scanning.
        migrationBuilder.Sql("""
            do $$
            begin
                create extension if not exists pg_trgm;
            exception when others then
                raise notice 'pg_trgm is not available: the case list''s customer filter will scan';
            end $$;
            """);
        migrationBuilder.Sql("""
            do $$
            begin
                if exists (select 1 from pg_extension where extname = 'pg_trgm') then
                    create index ix_cases_customer_search on aftersales.cases
                        using gin ((coalesce(customer ->> 'name', '') || ' ' || coalesce(customer ->> 'company', '')) gin_trgm_ops);
                end if;
            end $$;
            """);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("drop index if exists aftersales.ix_cases_customer_search");

        migrationBuilder.DropTable(
            name: "case_costs",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "case_events",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "case_number_counters",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "mail_outbox",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "surveys",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "tasks",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "users",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "cases",
            schema: "aftersales");
    }
}
