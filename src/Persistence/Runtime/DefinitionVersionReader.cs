using System.Collections.Concurrent;
using AfterSales.Workflows.Definitions;
using Npgsql;

namespace AfterSales.Persistence.Runtime;

/// <summary>
/// Reads definition versions for the runtime and keeps the parsed ones that can no longer change: a version that was
/// ever published is immutable (saving again makes a new version), so a start or resume parses its JSON once per process.
/// </summary>
/// <remarks>
/// It reads through <see cref="SideReadsDataSource"/>: the runtime looks a version up while
/// <see cref="PostgresWorkflowStore.UpdateAsync{T}"/> holds an instance's connection from the main pool.
/// </remarks>
internal sealed class DefinitionVersionReader(SideReadsDataSource sideReads)
{
    private readonly NpgsqlDataSource dataSource = sideReads.DataSource;
    private const int Capacity = 1024;
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _immutable = new();

    public async Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        // Which version is published can change at any time (publish, retract, another host): ask every time, by index.
        await using var command = dataSource.CreateCommand(
            "select version from aftersales.workflow_definition_versions where definition_id = $1 and is_published");
        command.Parameters.Add(new NpgsqlParameter { Value = definitionId });
        return await command.ExecuteScalarAsync(cancellationToken) is int version
            ? await FindVersionAsync(definitionId, version, cancellationToken)
            : null;
    }

    public async Task<WorkflowDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        if (_immutable.TryGetValue((definitionId, version), out var cached)) return cached;
        await using var command = dataSource.CreateCommand(
            "select json, published_at is not null from aftersales.workflow_definition_versions where definition_id = $1 and version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = definitionId });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var definition = WorkflowJson.Deserialize(reader.GetString(0)) with { Version = version };
        if (reader.GetBoolean(1))
        {
            // Rare: dropping everything beats an LRU's bookkeeping on every hit.
            if (_immutable.Count >= Capacity) _immutable.Clear();
            _immutable[(definitionId, version)] = definition;
        }
        return definition;
    }
}
