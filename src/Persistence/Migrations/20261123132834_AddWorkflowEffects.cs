using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Persistence.Migrations;

/// <inheritdoc />
public partial class AddWorkflowEffects : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "workflow_effects",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                instance_id = table.Column<string>(type: "text", nullable: false),
                type = table.Column<string>(type: "text", nullable: false),
                payload = table.Column<string>(type: "jsonb", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_workflow_effects", x => x.id);
            });

        migrationBuilder.CreateIndex(
            name: "ix_workflow_effects_instance_id",
            schema: "aftersales",
            table: "workflow_effects",
            column: "instance_id");

        migrationBuilder.CreateIndex(
            name: "ix_workflow_effects_pending",
            schema: "aftersales",
            table: "workflow_effects",
            column: "id",
            filter: "processed_at is null");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "workflow_effects",
            schema: "aftersales");
    }
}
