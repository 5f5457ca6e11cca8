using System.Security.Cryptography;
using Npgsql;
using static AfterSales.Persistence.Runtime.BatchSql;

namespace AfterSales.Persistence.Surveys;

internal static class SurveyCommands
{
    // Skipped when the survey's mail was queued already: one survey per event, like its mail.
    private const string CreateSql = """
        insert into aftersales.surveys (token, case_id, created_at, expires_at)
        select $1, $2, $3, $4
        where exists (select from aftersales.cases where id = $2)
          and not exists (select from aftersales.mail_outbox where event_key = $5)
        """;

    public static void Create(NpgsqlBatch batch, string token, string caseId, DateTimeOffset at, DateTimeOffset expiresAt, string eventKey) =>
        Add(batch, CreateSql, Text(token), Text(caseId), Time(at), Time(expiresAt), Text(eventKey));
}

/// <summary>Survey tokens: 256 random bits, base64url without padding (43 characters).</summary>
internal static class SurveyTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
