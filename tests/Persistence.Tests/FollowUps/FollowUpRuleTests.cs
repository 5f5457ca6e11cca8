using AfterSales.Persistence.FollowUps;

namespace AfterSales.Persistence.Tests.FollowUps;

public sealed class FollowUpRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Next_IsDueAnIntervalAfterWhatItCountsFrom_OpenAndOwnedByTheGivenOwner()
    {
        var countsFrom = new DateTimeOffset(2026, 8, 1, 10, 0, 0, TimeSpan.Zero);

        var next = FollowUpRule.Next(FollowUpRule.Visit, "c1", "sales", TimeSpan.FromDays(90), countsFrom, written: 0,
            Now);

        Assert.Equal(new DateTimeOffset(2026, 10, 30, 10, 0, 0, TimeSpan.Zero), next.DueAt);
        Assert.Equal((FollowUpRule.Visit, "c1", "sales", FollowUpRule.Open, Now),
            (next.Kind, next.SubjectId, next.Owner, next.Status, next.CreatedAt));
        Assert.Null(next.DoneAt);
    }

    [Fact]
    public void Next_IsKeyedAsTheSubjectsFollowUpAfterThoseWritten()
    {
        var next = FollowUpRule.Next(FollowUpRule.Inspection, "p7", "repair", TimeSpan.FromDays(182), Now, written: 2,
            Now);

        Assert.Equal("inspection:p7:3", next.EventKey);
        Assert.Equal(FollowUpRule.EventKey(FollowUpRule.Inspection, "p7", 3), next.EventKey);
    }

    [Fact]
    public void CountsFrom_IsTheLastCompletion_WhenThereIsOne()
    {
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var done = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(done, FollowUpRule.CountsFrom(done, start));
    }

    [Fact]
    public void CountsFrom_IsTheStart_WhenTheSubjectWasNeverFollowedUp()
    {
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(start, FollowUpRule.CountsFrom(null, start));
    }

    [Fact]
    public void InstallationStart_IsTheInstallationDaysMidnightInTheZone()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        var start = FollowUpRule.InstallationStart(new DateOnly(2026, 5, 1), shanghai);

        Assert.Equal(new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(8), start.Offset);
    }

    [Fact]
    public void MailKeys_NameTheFollowUp()
    {
        Assert.Equal(("follow-up-reminder:42", "follow-up-escalation:42"),
            (FollowUpRule.ReminderKey(42), FollowUpRule.EscalationKey(42)));
    }
}
