using Npgsql;

namespace AfterSales.Persistence;

/// <summary>Whether the application's database answers: what the health endpoint asks.</summary>
public sealed class DatabaseProbe(NpgsqlDataSource database)
{
    /// <summary>
    /// Opens a connection and runs a trivial query; throws what the attempt threw when the database does not answer.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
