using Npgsql;

namespace AfterSales.Persistence;

/// <summary>
/// The one small pool for the reads a burst makes while it holds its instance's connection from the main pool: definition
/// versions (<c>DefinitionVersionReader</c>) and the <c>caseFile</c> global. With one shared pool, a burst of resumes could
/// take every connection and then wait forever for one more. Sized by <see cref="DatabasePoolOptions.SideReadsPoolSize"/>.
/// </summary>
public sealed class SideReadsDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
