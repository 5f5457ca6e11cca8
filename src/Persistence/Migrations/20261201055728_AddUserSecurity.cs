using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Persistence.Migrations;

/// <inheritdoc />
public partial class AddUserSecurity : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(
            name: "failed_logins",
            schema: "aftersales",
            table: "users",
            type: "integer",
            nullable: false,
            defaultValue: 0);

        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "failed_logins_since",
            schema: "aftersales",
            table: "users",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "locked_until",
            schema: "aftersales",
            table: "users",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<int>(
            name: "token_generation",
            schema: "aftersales",
            table: "users",
            type: "integer",
            nullable: false,
            defaultValue: 0);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(
            name: "failed_logins",
            schema: "aftersales",
            table: "users");

        migrationBuilder.DropColumn(
            name: "failed_logins_since",
            schema: "aftersales",
            table: "users");

        migrationBuilder.DropColumn(
            name: "locked_until",
            schema: "aftersales",
            table: "users");

        migrationBuilder.DropColumn(
            name: "token_generation",
            schema: "aftersales",
            table: "users");
    }
}
