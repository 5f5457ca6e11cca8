using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace AfterSales.Persistence.Migrations;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model (run from the repository root:
/// <c>dotnet ef migrations add NAME --project src/Persistence</c>). Adding a migration never connects, so the
/// connection string is a placeholder.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AfterSalesDbContext>
{
    public AfterSalesDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AfterSalesDbContext>();
        AfterSalesDbContext.Configure(options, NpgsqlDataSource.Create("Host=localhost;Database=aftersales"));
        return new AfterSalesDbContext(options.Options);
    }
}
