using Npgsql;

namespace AfterSales.Host.Database;

internal static class DatabaseDescription
{
    /// <summary>Where the database is, for messages: host, port and database, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }

    public static string Describe(this NpgsqlDataSource dataSource) => Describe(dataSource.ConnectionString);
}
