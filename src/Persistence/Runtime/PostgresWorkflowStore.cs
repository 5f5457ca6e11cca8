using System.Data;
using AfterSales.Persistence.Cases;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Npgsql;

namespace AfterSales.Persistence.Runtime;

/// <summary>
/// The runtime's stores on PostgreSQL. Instance writes are plain Npgsql batches, one round trip per burst; the tables
/// are the ones <see cref="AfterSalesDbContext"/> and its migrations define.
/// </summary>
internal sealed class PostgresWorkflowStore(NpgsqlDataSource dataSource, DefinitionVersionReader definitions, IEnumerable<IBurstParticipant> participants)
    : IWorkflowDefinitionStore, IWorkflowInstanceStore
{
    private const string LockInstanceSql = "select state, version from aftersales.workflow_instances where id = $1 for update";
    private const string FindInstanceSql = "select state from aftersales.workflow_instances where id = $1";
    private const string InstanceExistsSql = "select exists (select from aftersales.workflow_instances where id = $1)";
    private const string FindBookmarksByNameSql = "select instance_id, id, due_at from aftersales.workflow_bookmarks where name = $1";
    private const string FindBookmarksByNameAndKeySql = "select instance_id, id, due_at from aftersales.workflow_bookmarks where name = $1 and key = $2";
    private const string FindDueBookmarksSql = "select instance_id, id, due_at from aftersales.workflow_bookmarks where due_at <= $1 order by due_at limit $2";
    private const string FindOutboxSql =
        "select instance_id, kind, target_instance_id, bookmark_id from aftersales.workflow_outbox where created_at <= $1 order by id limit $2";
    private const string CompleteOutboxSql =
        "delete from aftersales.workflow_outbox where instance_id = $1 and kind = $2 and target_instance_id = $3";
    private const string JournalSql = """
        select sequence, activity_id, activity_type, kind, started_at, ended_at, outcome, inputs, outputs, error
        from aftersales.workflow_journal where instance_id = $1 order by sequence
        """;

    public Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        definitions.FindPublishedAsync(definitionId, cancellationToken);

    public Task<WorkflowDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        definitions.FindVersionAsync(definitionId, version, cancellationToken);

    public async Task AddAsync(WorkflowInstance instance, RunResult firstBurst, CancellationToken cancellationToken = default)
    {
        // Without an explicit transaction a batch runs as one implicit transaction: a failing statement undoes all of it.
        await using var batch = dataSource.CreateBatch();
        BurstCommands.InsertInstance(batch, instance);
        BurstCommands.AddChanges(batch, instance, firstBurst);
        foreach (var participant in participants) participant.AddCommands(batch, instance, firstBurst, isNew: true);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: BurstCommands.InstancePrimaryKey })
        {
            throw new DuplicateInstanceException(instance.Id);
        }
        catch (PostgresException e) when (e.SqlState == CaseBinding.SqlState)
        {
            throw new CaseBindingException(e.MessageText, e);
        }
    }

    public async Task<(bool Found, T Value)> UpdateAsync<T>(string instanceId, Func<WorkflowInstance, Task<(T Value, RunResult? Changes)>> work,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        WorkflowInstance instance;
        int version;
        // FOR UPDATE: another host resuming the same instance waits here until this transaction ends, then reads what it wrote.
        await using (var lockCommand = new NpgsqlCommand(LockInstanceSql, connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = instanceId });
            await using var reader = await lockCommand.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return (false, default!);
            instance = WorkflowStateJson.Deserialize(reader.GetFieldValue<byte[]>(0));
            version = reader.GetInt32(1);
        }

        // If work throws, the transaction is disposed uncommitted: nothing of the burst is written.
        var (value, changes) = await work(instance);
        if (changes is null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return (true, value);
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        var update = BurstCommands.UpdateInstance(batch, instance, version);
        BurstCommands.AddChanges(batch, instance, changes);
        foreach (var participant in participants) participant.AddCommands(batch, instance, changes, isNew: false);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == CaseBinding.SqlState)
        {
            throw new CaseBindingException(e.MessageText, e);
        }
        // Cannot happen while the row lock holds; checked anyway so a broken lock shows up instead of losing a burst.
        if (update.RecordsAffected != 1)
            throw new DBConcurrencyException($"workflow instance '{instanceId}' was changed by someone else during the burst");
        // Not cancellable: once the burst's rows are sent, the caller must not be left unsure whether they were kept.
        await transaction.CommitAsync(CancellationToken.None);
        return (true, value);
    }

    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(FindInstanceSql);
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? WorkflowStateJson.Deserialize(reader.GetFieldValue<byte[]>(0)) : null;
    }

    public async Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(InstanceExistsSql);
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? key, CancellationToken cancellationToken = default)
    {
        var command = dataSource.CreateCommand(key is null ? FindBookmarksByNameSql : FindBookmarksByNameAndKeySql);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        if (key is not null) command.Parameters.Add(new NpgsqlParameter { Value = key });
        return ReadBookmarksAsync(command, cancellationToken);
    }

    public Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default)
    {
        var command = dataSource.CreateCommand(FindDueBookmarksSql);
        command.Parameters.Add(new NpgsqlParameter { Value = dueBy.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return ReadBookmarksAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(JournalSql);
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var journal = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
            journal.Add(new JournalEntry(instanceId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), NullableString(reader, 6),
                BurstCommands.ReadValues(NullableString(reader, 7)), BurstCommands.ReadValues(NullableString(reader, 8)), NullableString(reader, 9)));
        return journal;
    }

    public async Task<IReadOnlyList<WorkflowOutboxEntry>> FindOutboxAsync(DateTimeOffset writtenBefore, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(FindOutboxSql);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = writtenBefore.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<WorkflowOutboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new WorkflowOutboxEntry(reader.GetString(0), Enum.Parse<WorkflowOutboxKind>(reader.GetString(1)), reader.GetString(2),
                NullableString(reader, 3)));
        return entries;
    }

    public async Task CompleteOutboxAsync(WorkflowOutboxEntry entry, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(CompleteOutboxSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.InstanceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Kind.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.TargetInstanceId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<BookmarkRef>> ReadBookmarksAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var bookmarks = new List<BookmarkRef>();
            while (await reader.ReadAsync(cancellationToken))
                bookmarks.Add(new BookmarkRef(reader.GetString(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
            return bookmarks;
        }
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
