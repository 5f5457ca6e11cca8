using System.Text.Json.Nodes;
using AfterSales.Activities.Sla;

namespace AfterSales.Activities.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // 2026 National Day: 1–7 October off, Sunday 27 September and Saturday 10 October worked instead.
    private static readonly BusinessCalendar Shanghai = BusinessCalendar.Parse(JsonNode.Parse("""
        {"timeZone":"Asia/Shanghai","days":["Mon","Tue","Wed","Thu","Fri"],"start":"09:00","end":"18:00",
         "holidays":["2026-10-01","2026-10-02","2026-10-05","2026-10-06","2026-10-07"],"workdays":["2026-09-27","2026-10-10"]}
        """))!;

    [Fact]
    public void Add_FromFridayEvening_ContinuesOnMondayMorning() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, Beijing), Shanghai.Add(new DateTimeOffset(2026, 11, 20, 20, 0, 0, Beijing), TimeSpan.FromHours(2)));

    [Fact]
    public void Add_24Hours_IsTwoWorkingDaysAndSixHours() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 15, 0, 0, Beijing), Shanghai.Add(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Beijing), TimeSpan.FromHours(24)));

    [Fact]
    public void Add_ExactlyToTheEndOfTheDay_IsDueThatEvening() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 18, 0, 0, Beijing), Shanghai.Add(new DateTimeOffset(2026, 11, 20, 17, 0, 0, Beijing), TimeSpan.FromHours(1)));

    [Fact]
    public void Add_SkipsHolidays() =>
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 10, 0, 0, Beijing), Shanghai.Add(new DateTimeOffset(2026, 9, 30, 17, 0, 0, Beijing), TimeSpan.FromHours(2)));

    [Fact]
    public void Add_CountsMakeUpWorkdays() =>
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 10, 0, 0, Beijing), Shanghai.Add(new DateTimeOffset(2026, 10, 9, 17, 0, 0, Beijing), TimeSpan.FromHours(2)));

    [Fact]
    public void WorkingTimeBetween_CountsOnlyWorkingHours()
    {
        var (from, to) = (new DateTimeOffset(2026, 9, 25, 12, 0, 0, Beijing), new DateTimeOffset(2026, 10, 8, 12, 0, 0, Beijing));

        // Fri 6 h, Sun 27 (make-up) 9 h, Mon–Wed 27 h, holidays none, Thu 8th 3 h.
        Assert.Equal(TimeSpan.FromHours(45), Shanghai.WorkingTimeBetween(from, to));
        Assert.Equal(TimeSpan.FromHours(-45), Shanghai.WorkingTimeBetween(to, from));
        Assert.Equal(to, Shanghai.Add(from, TimeSpan.FromHours(45)));
    }

    [Fact]
    public void Add_AcrossTheEndOfDaylightSavingTime_KeepsLocalWorkingHours()
    {
        var berlin = BusinessCalendar.Parse(new JsonObject { ["timeZone"] = "Europe/Berlin" })!;
        var fridayEvening = new DateTimeOffset(2026, 10, 23, 17, 0, 0, TimeSpan.FromHours(2)); // CEST

        var due = berlin.Add(fridayEvening, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 10, 0, 0, TimeSpan.FromHours(1)), due); // CET after 25 October
        Assert.Equal(TimeSpan.FromHours(2), berlin.WorkingTimeBetween(fridayEvening, due));
    }

    [Fact]
    public void After_WithoutACalendar_IsTheWallClock() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 20, 0, 0, Beijing), BusinessCalendar.After(null, new DateTimeOffset(2026, 11, 20, 20, 0, 0, Beijing), TimeSpan.FromHours(24)));

    [Theory]
    [InlineData("""{"days":["Mon"]}""", "the calendar needs a timeZone, e.g. Asia/Shanghai")]
    [InlineData("""{"timeZone":"Mars/Olympus"}""", "unknown time zone 'Mars/Olympus'")]
    [InlineData("""{"timeZone":"UTC","days":["Monday"]}""", "'Monday' is not a day: use Mon, Tue, Wed, Thu, Fri, Sat, Sun")]
    [InlineData("""{"timeZone":"UTC","start":"18:00","end":"09:00"}""", "the calendar's working hours must end after they start (18:00–09:00)")]
    [InlineData("""{"timeZone":"UTC","holidays":["2026-10-01"],"workdays":["2026-10-01"]}""", "a date cannot be both a holiday and a make-up working day")]
    public void Parse_RejectsAMalformedCalendar(string json, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => BusinessCalendar.Parse(JsonNode.Parse(json))).Message);
}
