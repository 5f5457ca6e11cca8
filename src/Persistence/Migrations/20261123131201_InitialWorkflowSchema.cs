using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Persistence.Migrations;

/// <inheritdoc />
public partial class InitialWorkflowSchema : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(
            name: "aftersales");

        migrationBuilder.CreateTable(
            name: "workflow_bookmarks",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                instance_id = table.Column<string>(type: "text", nullable: false),
                activity_id = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                key = table.Column<string>(type: "text", nullable: true),
                due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                payload = table.Column<string>(type: "jsonb", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_workflow_bookmarks", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "workflow_definition_versions",
            schema: "aftersales",
            columns: table => new
            {
                definition_id = table.Column<string>(type: "text", nullable: false),
                version = table.Column<int>(type: "integer", nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                description = table.Column<string>(type: "text", nullable: true),
                json = table.Column<string>(type: "text", nullable: false),
                is_published = table.Column<bool>(type: "boolean", nullable: false),
                is_latest = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_workflow_definition_versions", x => new { x.definition_id, x.version });
            });

        migrationBuilder.CreateTable(
            name: "workflow_incidents",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                instance_id = table.Column<string>(type: "text", nullable: false),
                activity_id = table.Column<string>(type: "text", nullable: false),
                activity_type = table.Column<string>(type: "text", nullable: false),
                message = table.Column<string>(type: "text", nullable: false),
                exception_type = table.Column<string>(type: "text", nullable: false),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_workflow_incidents", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "workflow_instances",
            schema: "aftersales",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                definition_id = table.Column<string>(type: "text", nullable: false),
                definition_version = table.Column<int>(type: "integer", nullable: false),
                status = table.Column<string>(type: "text", nullable: false),
                correlation_id = table.Column<string>(type: "text", nullable: true),
                parent_instance_id = table.Column<string>(type: "text", nullable: true),
                state = table.Column<string>(type: "jsonb", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                version = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_workflow_instances", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "workflow_journal",
            schema: "aftersales",
            columns: table => new
            {
                instance_id = table.Column<string>(type: "text", nullable: false),
                sequence = table.Column<long>(type: "bigint", nullable: false),
                activity_id = table.Column<string>(type: "text", nullable: false),
                activity_type = table.Column<string>(type: "text", nullable: false),
                kind = table.Column<string>(type: "text", nullable: false),
                started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                outcome = table.Column<string>(type: "text", nullable: true),
                inputs = table.Column<string>(type: "jsonb", nullable: true),
                outputs = table.Column<string>(type: "jsonb", nullable: true),
                error = table.Column<string>(type: "text", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_workflow_journal", x => new { x.instance_id, x.sequence });
            });

        migrationBuilder.CreateIndex(
            name: "ix_workflow_bookmarks_due_at",
            schema: "aftersales",
            table: "workflow_bookmarks",
            column: "due_at",
            filter: "due_at is not null");

        migrationBuilder.CreateIndex(
            name: "ix_workflow_bookmarks_name_key",
            schema: "aftersales",
            table: "workflow_bookmarks",
            columns: new[] { "name", "key" });

        migrationBuilder.CreateIndex(
            name: "ux_workflow_definition_versions_latest",
            schema: "aftersales",
            table: "workflow_definition_versions",
            column: "definition_id",
            unique: true,
            filter: "is_latest");

        migrationBuilder.CreateIndex(
            name: "ux_workflow_definition_versions_published",
            schema: "aftersales",
            table: "workflow_definition_versions",
            column: "definition_id",
            unique: true,
            filter: "is_published");

        migrationBuilder.CreateIndex(
            name: "ix_workflow_incidents_instance_id",
            schema: "aftersales",
            table: "workflow_incidents",
            column: "instance_id");

        migrationBuilder.CreateIndex(
            name: "ix_workflow_instances_correlation_id",
            schema: "aftersales",
            table: "workflow_instances",
            column: "correlation_id");

        migrationBuilder.CreateIndex(
            name: "ix_workflow_instances_definition_id_status",
            schema: "aftersales",
            table: "workflow_instances",
            columns: new[] { "definition_id", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_workflow_instances_status_updated_at",
            schema: "aftersales",
            table: "workflow_instances",
            columns: new[] { "status", "updated_at" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "workflow_bookmarks",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "workflow_definition_versions",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "workflow_incidents",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "workflow_instances",
            schema: "aftersales");

        migrationBuilder.DropTable(
            name: "workflow_journal",
            schema: "aftersales");
    }
}
