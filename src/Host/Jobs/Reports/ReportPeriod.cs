using System.Globalization;

namespace AfterSales.Host.Jobs.Reports;

/// <summary>
/// A calendar period of a report in the reports' time zone: its local first day, the instants it spans
/// (<see cref="Start"/> inclusive, <see cref="End"/> exclusive) and its key (<c>2026-W47</c>, <c>2026-11</c>).
/// </summary>
internal sealed record ReportPeriod(string Key, DateOnly FirstDay, DateOnly EndDay, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The ISO week (Monday to Sunday) before the one <paramref name="now"/> falls in.</summary>
    public static ReportPeriod LastWeek(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalDay(now, zone);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
        return Week(monday, zone);
    }

    /// <summary>The ISO week that starts on <paramref name="monday"/>.</summary>
    public static ReportPeriod Week(DateOnly monday, TimeZoneInfo zone)
    {
        if (monday.DayOfWeek != DayOfWeek.Monday) throw new ArgumentException($"{monday:yyyy-MM-dd} is not a Monday", nameof(monday));
        var date = monday.ToDateTime(TimeOnly.MinValue);
        var key = $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}";
        return new ReportPeriod(key, monday, monday.AddDays(7), Midnight(monday, zone), Midnight(monday.AddDays(7), zone));
    }

    /// <summary>The calendar month before the one <paramref name="now"/> falls in.</summary>
    public static ReportPeriod LastMonth(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalDay(now, zone);
        return Month(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), zone);
    }

    public static ReportPeriod Month(DateOnly firstDay, TimeZoneInfo zone)
    {
        if (firstDay.Day != 1) throw new ArgumentException($"{firstDay:yyyy-MM-dd} is not the first of a month", nameof(firstDay));
        var next = firstDay.AddMonths(1);
        return new ReportPeriod(firstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture), firstDay, next, Midnight(firstDay, zone), Midnight(next, zone));
    }

    /// <summary><c>2026-11-16 – 2026-11-22</c>: the local days covered.</summary>
    public string Days => $"{FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {EndDay.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static DateOnly LocalDay(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
