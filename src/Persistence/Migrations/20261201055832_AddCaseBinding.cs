using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Persistence.Migrations;

/// <summary>The function that checks a burst's instance owns the case it changes (<c>Cases.CaseBinding</c>, SQLSTATE AS001).</summary>
public partial class AddCaseBinding : Migration
{
    // A case that does not exist is no one's (effects about it change nothing). Kept here as written, whatever the code does later.
    private const string CreateFunctionSql = """
        create function aftersales.check_case_instance(p_case_id text, p_instance_id text) returns void
        language plpgsql as $check$
        declare
            bound text;
        begin
            select workflow_instance_id into bound from aftersales.cases where id = p_case_id;
            if not found then
                return;
            end if;
            if bound is not null and exists (
                with recursive chain (id, parent, depth) as (
                    select id, parent_instance_id, 1 from aftersales.workflow_instances where id = p_instance_id
                    union all
                    select i.id, i.parent_instance_id, c.depth + 1
                    from aftersales.workflow_instances i join chain c on i.id = c.parent
                    where c.depth < 64
                )
                select from chain where id = bound)
            then
                return;
            end if;
            raise exception using errcode = 'AS001',
                message = format('case %s belongs to workflow instance %s and its children, not to %s', p_case_id, coalesce(bound, '(none)'), p_instance_id);
        end
        $check$
        """;

    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(CreateFunctionSql);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("drop function if exists aftersales.check_case_instance(text, text)");
}
