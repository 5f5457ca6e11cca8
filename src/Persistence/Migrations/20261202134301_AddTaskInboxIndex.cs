using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddTaskInboxIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_tasks_open_due",
                schema: "aftersales",
                table: "tasks",
                columns: new[] { "due_at", "created_at", "id" },
                filter: "status in ('open', 'claimed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_open_due",
                schema: "aftersales",
                table: "tasks");
        }
    }
}
