using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Persistence.Migrations;

/// <summary>
/// <c>tasks.reason_required_for</c>: the outcomes that need a reason, copied from the HumanTask bookmark when the task
/// is added, so a client asks for the reason before it submits. Tasks still waiting on their bookmark get it from there.
/// </summary>
public partial class AddTaskReasonRequiredFor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string[]>(
            name: "reason_required_for",
            schema: "aftersales",
            table: "tasks",
            type: "text[]",
            nullable: false,
            defaultValueSql: "'{}'");

        migrationBuilder.Sql("""
            update aftersales.tasks t
            set reason_required_for = array(select jsonb_array_elements_text(b.payload -> 'reasonRequiredFor'))
            from aftersales.workflow_bookmarks b
            where b.id = t.id and jsonb_typeof(b.payload -> 'reasonRequiredFor') = 'array'
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(
            name: "reason_required_for",
            schema: "aftersales",
            table: "tasks");
    }
}
