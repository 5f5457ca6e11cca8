using AfterSales.Workflows.Runtime;
using Npgsql;

namespace AfterSales.Persistence.Runtime;

/// <summary>
/// The timer pump's reads of <c>aftersales.workflow_bookmarks</c>, on a session of its own that holds the
/// <see cref="AdvisoryLockKey.TimerLeader"/> lock while it leads.
/// </summary>
public sealed class TimerStore(JobsDatabase database)
{
    private const string KeepaliveSql =
        "set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 5; set tcp_keepalives_count = 4";

    /// <summary>
    /// Opens an unpooled session for the pump: the leader's lock lives as long as it, and closing it gives the lead up.
    /// </summary>
    public async Task<TimerLeaderSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        var connection = await database.Dedicated.OpenConnectionAsync(cancellationToken);
        try
        {
            // The server learns within about 30 s that this machine vanished (no FIN, e.g. a power cut), not after
            // the OS's 2 h.
            await using var keepalive = new NpgsqlCommand(KeepaliveSql, connection);
            await keepalive.ExecuteNonQueryAsync(cancellationToken);
            return new TimerLeaderSession(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A pump's session: takes the lead, and reads the due bookmarks page by page.</summary>
public sealed class TimerLeaderSession : IAsyncDisposable
{
    private const string FirstPageSql = """
        select instance_id, id, due_at from aftersales.workflow_bookmarks
        where due_at <= $1
        order by due_at, id limit $2
        """;

    // Keyset paging: due_at >= $3 lets the scan start in the due_at index at the last page's end.
    private const string NextPageSql = """
        select instance_id, id, due_at from aftersales.workflow_bookmarks
        where due_at <= $1 and due_at >= $3 and (due_at, id) > ($3, $4)
        order by due_at, id limit $2
        """;

    private readonly NpgsqlConnection _connection;

    internal TimerLeaderSession(NpgsqlConnection connection) => _connection = connection;

    /// <summary>
    /// Takes the lead if nobody holds it; answers whether this session now leads (until it is closed).
    /// </summary>
    public Task<bool> TryLeadAsync(CancellationToken cancellationToken) =>
        _connection.TryLockAsync(AdvisoryLockKey.TimerLeader, cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> bookmarks due by <paramref name="now"/>, in <c>(due_at, id)</c> order, after
    /// <paramref name="after"/> (the last page's last one) when given. Fails when the session, and so the lead, is
    /// gone.
    /// </summary>
    public async Task<IReadOnlyList<BookmarkRef>> ReadDuePageAsync(DateTimeOffset now, BookmarkRef? after, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(after is null ? FirstPageSql : NextPageSql, _connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        if (after is not null)
        {
            var dueAt = after.DueAt!.Value.ToUniversalTime();
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = dueAt });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after.BookmarkId });
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<BookmarkRef>(limit);
        while (await reader.ReadAsync(cancellationToken))
            page.Add(new BookmarkRef(reader.GetString(0), reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2)));
        return page;
    }

    /// <summary>Closes the session: the server drops the lock with it.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
