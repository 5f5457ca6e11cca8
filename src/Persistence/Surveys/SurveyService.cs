using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Persistence.Surveys;

/// <summary>A survey as its public page needs it.</summary>
public sealed record SurveyView(string Token, string CaseNumber, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt);

public sealed record SurveyAnswer(int Rating, string? Comment, bool WouldRecommend);

public enum SurveyAnswerResult { Recorded, NotFound, AlreadyAnswered, Expired }

/// <summary>Satisfaction surveys answered by customers through their token's link.</summary>
public sealed class SurveyService(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string FindSql = """
        select s.token, c.number, s.expires_at, s.answered_at
        from aftersales.surveys s join aftersales.cases c on c.id = s.case_id
        where s.token = $1
        """;

    // Answered at most once and only before it expires; the answer goes on the case's timeline in the same statement.
    private const string AnswerSql = """
        with answered as (
            update aftersales.surveys
            set answered_at = $2, rating = $3, comment = $4, would_recommend = $5
            where token = $1 and answered_at is null and expires_at > $2
            returning case_id
        ),
        timeline as (
            insert into aftersales.case_events (case_id, at, kind, actor, text, data)
            select case_id, $2, 'survey', 'customer',
                'Satisfaction survey answered: ' || $3 || '/5' || case when $5 then ', would recommend' else ', would not recommend' end
                    || coalesce(': ' || $4, ''),
                jsonb_build_object('rating', $3::int, 'comment', $4::text, 'wouldRecommend', $5::boolean)
            from answered
        )
        select count(*) from answered
        """;

    public async Task<SurveyView?> FindAsync(string token, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(FindSql);
        command.Parameters.Add(new NpgsqlParameter { Value = token });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new SurveyView(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    /// <summary>Whether the survey is open to an answer now.</summary>
    public bool IsExpired(SurveyView survey) => survey.ExpiresAt <= time.GetUtcNow();

    public async Task<SurveyAnswerResult> AnswerAsync(string token, SurveyAnswer answer, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand(AnswerSql);
        command.Parameters.Add(new NpgsqlParameter { Value = token, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = answer.Rating, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)answer.Comment ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = answer.WouldRecommend, NpgsqlDbType = NpgsqlDbType.Boolean });
        if ((long)(await command.ExecuteScalarAsync(ct))! == 1) return SurveyAnswerResult.Recorded;

        // Not recorded: say why, from the survey as it is now.
        var survey = await FindAsync(token, ct);
        return survey is null ? SurveyAnswerResult.NotFound
            : survey.AnsweredAt is not null ? SurveyAnswerResult.AlreadyAnswered
            : SurveyAnswerResult.Expired;
    }
}
