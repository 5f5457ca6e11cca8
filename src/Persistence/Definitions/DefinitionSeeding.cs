using Npgsql;

namespace AfterSales.Persistence.Definitions;

/// <summary>
/// The first start's workflow definitions, imported once however many Hosts start together on an empty database.
/// </summary>
public sealed class DefinitionSeeding(NpgsqlDataSource database, WorkflowDefinitionService definitions)
{
    /// <summary>
    /// When there are no definitions yet, runs <paramref name="import"/> and answers what it answers; otherwise
    /// answers null without calling it. Hosts take turns (<see cref="AdvisoryLockKey.WorkflowSeed"/>): the second finds
    /// the first's definitions.
    /// </summary>
    public Task<int?> SeedIfEmptyAsync(Func<Task<int>> import, CancellationToken cancellationToken = default) =>
        database.WhileLockedAsync<int?>(AdvisoryLockKey.WorkflowSeed, async _ =>
            (await definitions.ListAsync(cancellationToken)).Count > 0 ? null : await import(), cancellationToken);
}
