namespace AfterSales.Persistence.FollowUps;

/// <summary>
/// When a subject's next visit or inspection is due and what it is keyed by, in one place: the daily job (a subject
/// with nothing outstanding) and a completion (<see cref="FollowUpStore.MarkDoneAsync"/>) both write the next one
/// through it.
/// </summary>
public static class FollowUpRule
{
    public const string Visit = "visit";
    public const string Inspection = "inspection";

    public const string Open = "open";
    public const string Done = "done";
    public const string Escalated = "escalated";

    public const string ReminderKeyPrefix = "follow-up-reminder:";
    public const string EscalationKeyPrefix = "follow-up-escalation:";

    /// <summary>
    /// What the next interval counts from: the subject's last completion, else its <paramref name="start"/> (a
    /// customer's creation, a product's <see cref="InstallationStart"/>).
    /// </summary>
    public static DateTimeOffset CountsFrom(DateTimeOffset? lastDoneAt, DateTimeOffset start) => lastDoneAt ?? start;

    /// <summary>
    /// A product's start: its installation day's midnight in <paramref name="zone"/> (the jobs' time zone).
    /// </summary>
    public static DateTimeOffset InstallationStart(DateOnly installedAt, TimeZoneInfo zone)
    {
        var local = installedAt.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The key of the <paramref name="number"/>th follow-up (from 1) of <paramref name="kind"/> for
    /// <paramref name="subjectId"/>: two writers of the same next follow-up (two job runs, or a run and a completion)
    /// write one.
    /// </summary>
    public static string EventKey(string kind, string subjectId, long number) => $"{kind}:{subjectId}:{number}";

    /// <summary>
    /// The subject's next follow-up, open and due <paramref name="interval"/> after <paramref name="countsFrom"/>,
    /// numbered after the <paramref name="written"/> it has had (done or not).
    /// </summary>
    public static FollowUpEntity Next(string kind, string subjectId, string owner, TimeSpan interval,
        DateTimeOffset countsFrom, long written, DateTimeOffset now) => new()
    {
        Kind = kind,
        SubjectId = subjectId,
        DueAt = countsFrom + interval,
        Owner = owner,
        Status = Open,
        EventKey = EventKey(kind, subjectId, written + 1),
        CreatedAt = now,
    };

    public static string ReminderKey(long id) => $"{ReminderKeyPrefix}{id}";
    public static string EscalationKey(long id) => $"{EscalationKeyPrefix}{id}";
}
