using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Persistence.Cases;

/// <summary>A case customer's phone and email, and whether a user works on the case (its owner, or assignee or claimer of one of its tasks).</summary>
public sealed record CaseContact(string CaseId, string? Phone, string? Email, bool Involved);

/// <summary>What deciding who sees a customer's personal data needs to read.</summary>
public sealed class CaseContacts(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        select c.id, c.customer ->> 'phone', c.customer ->> 'email',
            coalesce(c.owner = $2, false) or exists (select from aftersales.tasks t where t.case_id = c.id and (t.assignee = $2 or t.claimed_by = $2))
        from aftersales.cases c
        where c.id = any($1)
        """;

    public async Task<IReadOnlyDictionary<string, CaseContact>> FindAsync(IEnumerable<string> caseIds, string user, CancellationToken ct = default)
    {
        var ids = caseIds.Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<string, CaseContact>(StringComparer.Ordinal);
        if (ids.Length == 0) return found;
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = user, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found[reader.GetString(0)] = new CaseContact(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3));
        return found;
    }
}
