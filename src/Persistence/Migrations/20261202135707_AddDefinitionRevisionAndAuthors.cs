using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddDefinitionRevisionAndAuthors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "changed_at",
                schema: "aftersales",
                table: "workflow_definition_versions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "changed_by",
                schema: "aftersales",
                table: "workflow_definition_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "created_by",
                schema: "aftersales",
                table: "workflow_definition_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                schema: "aftersales",
                table: "workflow_definition_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                schema: "aftersales",
                table: "workflow_definition_versions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            // Versions stored before: last changed when published, else when created.
            migrationBuilder.Sql(
                "update aftersales.workflow_definition_versions set changed_at = coalesce(published_at, created_at)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "changed_at",
                schema: "aftersales",
                table: "workflow_definition_versions");

            migrationBuilder.DropColumn(
                name: "changed_by",
                schema: "aftersales",
                table: "workflow_definition_versions");

            migrationBuilder.DropColumn(
                name: "created_by",
                schema: "aftersales",
                table: "workflow_definition_versions");

            migrationBuilder.DropColumn(
                name: "published_by",
                schema: "aftersales",
                table: "workflow_definition_versions");

            migrationBuilder.DropColumn(
                name: "revision",
                schema: "aftersales",
                table: "workflow_definition_versions");
        }
    }
}
