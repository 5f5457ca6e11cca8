using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddCaseRequestKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_request_keys",
                schema: "aftersales",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    request_hash = table.Column<string>(type: "text", nullable: false),
                    case_id = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_request_keys", x => new { x.user_name, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_request_keys_created_at",
                schema: "aftersales",
                table: "case_request_keys",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_request_keys",
                schema: "aftersales");
        }
    }
}
