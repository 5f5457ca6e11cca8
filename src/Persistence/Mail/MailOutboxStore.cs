using Npgsql;
using static AfterSales.Persistence.Runtime.BatchSql;

namespace AfterSales.Persistence.Mail;

/// <summary>A row of <c>aftersales.mail_outbox</c> as the sender needs it.</summary>
public sealed record OutboxMail(
    long Id, string EventKey, string? CaseId, string[] Recipients, string Subject, string Body, int Attempts);

/// <summary>
/// The jobs' SQL on <c>aftersales.mail_outbox</c>, on the jobs' pool: the sender's claim, lock and record, and the
/// queueing of the jobs' own mails (a burst queues its mails with <see cref="MailCommands"/>). The rules kept here: a
/// row is claimed by one Host at a time through <c>next_attempt_at</c>, sent under its row lock, and a row that is
/// <c>sent</c> or <c>failed</c> is never sent again.
/// </summary>
public sealed class MailOutboxStore(JobsDatabase jobsDatabase)
{
    private readonly NpgsqlDataSource _database = jobsDatabase.Pool;

    // SKIP LOCKED: Hosts claiming at the same moment take different rows, and none waits on a row being sent.
    private const string ClaimSql = """
        update aftersales.mail_outbox set next_attempt_at = $2
        where id in (
            select id from aftersales.mail_outbox
            where status = 'pending' and (next_attempt_at is null or next_attempt_at <= $1)
            order by id
            limit $3
            for update skip locked)
        returning id
        """;

    private const string LockSql = """
        select event_key, case_id, recipients, subject, body, attempts
        from aftersales.mail_outbox where id = $1 and status = 'pending'
        for update
        """;

    private const string SentSql = """
        update aftersales.mail_outbox
        set status = 'sent', attempts = attempts + 1, sent_at = $2, message_id = $3, last_error = null, next_attempt_at = null
        where id = $1
        """;

    // A record retried on a new connection, after the server accepted the mail: the lock is gone with the old
    // connection, so only a row still pending is marked (one marked meanwhile keeps its record).
    private const string SentIfPendingSql = """
        update aftersales.mail_outbox
        set status = 'sent', attempts = attempts + 1, sent_at = $2, message_id = $3, last_error = null, next_attempt_at = null
        where id = $1 and status = 'pending'
        """;

    private const string FailedSql = """
        update aftersales.mail_outbox
        set status = $2, attempts = attempts + 1, last_error = $3, next_attempt_at = $4
        where id = $1
        """;

    private const string QueueSql = """
        insert into aftersales.mail_outbox (event_key, case_id, recipients, subject, body, status, attempts, created_at)
        values ($1, $2, $3, $4, $5, 'pending', 0, $6)
        on conflict (event_key) do nothing
        """;

    private const string RoleAddressesSql = """
        select coalesce(array_agg(distinct email order by email), '{}')
        from aftersales.users
        where roles @> array[$1] and coalesce(email, '') <> ''
        """;

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending rows due by <paramref name="now"/> until
    /// <paramref name="until"/>: no Host claims them again before then. Answers their ids, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<long>> ClaimAsync(DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(ClaimSql);
        command.Parameters.Add(Time(now));
        command.Parameters.Add(Time(until));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
        ids.Sort();
        return ids;
    }

    /// <summary>
    /// Locks the row while it is still pending and answers it with the lock, or null when it is gone, sent or failed.
    /// Another sender of the same row waits on the lock, then finds it no longer pending.
    /// </summary>
    public async Task<OutboxLock?> LockAsync(long id, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            OutboxMail? mail = null;
            await using (var command = new NpgsqlCommand(LockSql, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                    mail = new OutboxMail(id, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                        reader.GetFieldValue<string[]>(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5));
            }
            if (mail is not null) return new OutboxLock(mail, connection, transaction);
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Marks a pending row sent on a connection of its own (the retry of a record whose lock was lost).
    /// </summary>
    public async Task SentAsync(long id, DateTimeOffset at, string messageId, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(SentIfPendingSql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(Time(at));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = messageId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Queues a mail unless one with this event key exists; answers whether it was queued.</summary>
    public async Task<bool> QueueAsync(string eventKey, string? caseId, IReadOnlyList<string> recipients, string subject, string body,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(QueueSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eventKey });
        command.Parameters.Add(Text(caseId));
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. recipients] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subject });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body });
        command.Parameters.Add(Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// The addresses of everyone in <paramref name="role"/>, sorted; users without an address are left out.
    /// </summary>
    public async Task<IReadOnlyList<string>> RoleAddressesAsync(string role, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(RoleAddressesSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = role });
        return (string[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// A pending row under its lock. Disposing without <see cref="SentAsync"/> or <see cref="FailedAsync"/> changes
    /// nothing.
    /// </summary>
    public sealed class OutboxLock(OutboxMail mail, NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public OutboxMail Mail { get; } = mail;

        public Task SentAsync(DateTimeOffset at, string messageId) =>
            FinishAsync(SentSql, Time(at), new NpgsqlParameter<string> { TypedValue = messageId });

        /// <summary>
        /// Records a failed attempt: the row stays pending, not claimed before <paramref name="retryAt"/>, or is failed
        /// for good.
        /// </summary>
        public Task FailedAsync(string error, bool final, DateTimeOffset? retryAt) =>
            FinishAsync(FailedSql, new NpgsqlParameter<string> { TypedValue = final ? "failed" : "pending" },
                new NpgsqlParameter<string> { TypedValue = error }, Time(final ? null : retryAt));

        private async Task FinishAsync(string sql, params NpgsqlParameter[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Mail.Id });
            command.Parameters.AddRange(parameters);
            // Not cancellable: once the server has the mail, the row must say so.
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
