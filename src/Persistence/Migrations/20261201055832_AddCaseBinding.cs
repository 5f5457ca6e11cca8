using AfterSales.Persistence.Cases;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Persistence.Migrations;

/// <summary>The function that checks a burst's instance owns the case it changes (<see cref="CaseBinding"/>).</summary>
public partial class AddCaseBinding : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(CaseBinding.CreateFunctionSql);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(CaseBinding.DropFunctionSql);
}
