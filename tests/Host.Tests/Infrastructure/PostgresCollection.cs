using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>
/// The test run's one PostgreSQL cluster (<see cref="PostgresFixture"/>), shared by every class in this collection.
/// Declared here rather than in TestSupport because xunit finds collection definitions only in the test assembly.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Postgres";
}
