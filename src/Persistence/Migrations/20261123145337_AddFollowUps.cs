using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Persistence.Migrations;

/// <inheritdoc />
public partial class AddFollowUps : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "customers",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                company = table.Column<string>(type: "text", nullable: true),
                region = table.Column<string>(type: "text", nullable: true),
                email = table.Column<string>(type: "text", nullable: true),
                key_customer = table.Column<bool>(type: "boolean", nullable: false),
                visit_interval = table.Column<TimeSpan>(type: "interval", nullable: true),
                owner = table.Column<string>(type: "text", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customers", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "follow_ups",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                kind = table.Column<string>(type: "text", nullable: false),
                subject_id = table.Column<string>(type: "text", nullable: false),
                due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                owner = table.Column<string>(type: "text", nullable: false),
                status = table.Column<string>(type: "text", nullable: false),
                done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                event_key = table.Column<string>(type: "text", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_follow_ups", x => x.id);
                table.CheckConstraint("ck_follow_ups_kind", "kind in ('visit', 'inspection')");
                table.CheckConstraint("ck_follow_ups_status", "status in ('open', 'done', 'escalated')");
            });

        migrationBuilder.CreateTable(
            name: "installed_products",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                customer_id = table.Column<string>(type: "text", nullable: false),
                model = table.Column<string>(type: "text", nullable: false),
                serial = table.Column<string>(type: "text", nullable: true),
                installed_at = table.Column<DateOnly>(type: "date", nullable: false),
                inspection_interval = table.Column<TimeSpan>(type: "interval", nullable: false, defaultValueSql: "interval '182 days'"),
                owner = table.Column<string>(type: "text", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_installed_products", x => x.id);
                table.ForeignKey(
                    name: "fk_installed_products_customers",
                    column: x => x.customer_id,
                    principalSchema: "aftersales",
                    principalTable: "customers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_customers_key_customer",
            schema: "aftersales",
            table: "customers",
            column: "key_customer",
            filter: "key_customer");

        migrationBuilder.CreateIndex(
            name: "ix_follow_ups_kind_subject_id",
            schema: "aftersales",
            table: "follow_ups",
            columns: new[] { "kind", "subject_id" });

        migrationBuilder.CreateIndex(
            name: "ix_follow_ups_status_due_at",
            schema: "aftersales",
            table: "follow_ups",
            columns: new[] { "status", "due_at" });

        migrationBuilder.CreateIndex(
            name: "ux_follow_ups_event_key",
            schema: "aftersales",
            table: "follow_ups",
            column: "event_key",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_installed_products_customer_id",
            schema: "aftersales",
            table: "installed_products",
            column: "customer_id");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "follow_ups",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "installed_products",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "customers",
            schema: "aftersales");
    }
}
