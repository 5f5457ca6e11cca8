using System.Globalization;
using System.Text.Json.Nodes;

namespace AfterSales.Activities.Sla;

/// <summary>
/// Working time in one time zone: working days (Mon–Fri unless told), one interval of working hours a day (09:00–18:00
/// unless told), holidays off and make-up working days on. An SLA counted on it runs only inside working hours; an SLA
/// with no calendar (null) runs on the wall clock, where 24 h means 24 h.
/// </summary>
/// <remarks>
/// Parsed from <c>{"timeZone":"Asia/Shanghai","days":["Mon",…],"start":"09:00","end":"18:00","holidays":["2026-10-01"],"workdays":["2026-09-28"]}</c>.
/// Working hours are local times: across a DST change a working day is the hours between its local start and end.
/// </remarks>
public sealed class BusinessCalendar
{
    private static readonly DayOfWeek[] DefaultDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private const int MaxDaysWithoutWork = 3660; // a calendar with no working day at all must not loop forever

    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _days;
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;

    private BusinessCalendar(TimeZoneInfo zone, HashSet<DayOfWeek> days, TimeOnly start, TimeOnly end, HashSet<DateOnly> holidays, HashSet<DateOnly> workdays)
    {
        if (end <= start) throw new FormatException($"the calendar's working hours must end after they start ({start:HH\\:mm}–{end:HH\\:mm})");
        if (holidays.Overlaps(workdays)) throw new FormatException("a date cannot be both a holiday and a make-up working day");
        (_zone, _days, _start, _end, _holidays, _workdays) = (zone, days, start, end, holidays, workdays);
    }

    /// <summary>The calendar a JSON object describes; null (the wall clock) for null. A malformed one throws <see cref="FormatException"/>.</summary>
    public static BusinessCalendar? Parse(JsonNode? json)
    {
        if (json is null) return null;
        if (json is not JsonObject o) throw new FormatException("the calendar must be a JSON object");
        var zoneId = Text(o, "timeZone") ?? throw new FormatException("the calendar needs a timeZone, e.g. Asia/Shanghai");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) throw new FormatException($"unknown time zone '{zoneId}'");
        var days = o["days"] is JsonArray a ? a.Select(d => Day(d?.GetValue<string>())).ToHashSet() : DefaultDays.ToHashSet();
        return new BusinessCalendar(zone, days, Time(o, "start", new TimeOnly(9, 0)), Time(o, "end", new TimeOnly(18, 0)), Dates(o, "holidays"), Dates(o, "workdays"));
    }

    /// <summary>The moment <paramref name="time"/> after <paramref name="from"/> on <paramref name="calendar"/>, or on the wall clock when it is null.</summary>
    public static DateTimeOffset After(BusinessCalendar? calendar, DateTimeOffset from, TimeSpan time) => calendar?.Add(from, time) ?? from + time;

    /// <summary>The moment <paramref name="workingTime"/> of working time after <paramref name="from"/>; a moment outside working hours counts from the next start.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan workingTime)
    {
        if (workingTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(workingTime), "working time cannot be negative");
        if (workingTime == TimeSpan.Zero) return from;
        var left = workingTime;
        var day = LocalDate(from);
        for (var idle = 0; idle <= MaxDaysWithoutWork; day = day.AddDays(1))
        {
            if (WorkingHours(day) is not var (start, end)) { idle++; continue; }
            idle = 0;
            var begin = start > from ? start : from;
            if (begin >= end) continue;
            if (end - begin >= left) return (begin + left).ToOffset(from.Offset);
            left -= end - begin;
        }
        throw new InvalidOperationException("the calendar has no working day");
    }

    /// <summary>The working time between two moments; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from) return -WorkingTimeBetween(to, from);
        var total = TimeSpan.Zero;
        for (var day = LocalDate(from); day <= LocalDate(to); day = day.AddDays(1))
        {
            if (WorkingHours(day) is not var (start, end)) continue;
            var (begin, finish) = (start > from ? start : from, end < to ? end : to);
            if (finish > begin) total += finish - begin;
        }
        return total;
    }

    private bool IsWorkingDay(DateOnly day) => _workdays.Contains(day) || (_days.Contains(day.DayOfWeek) && !_holidays.Contains(day));

    private (DateTimeOffset Start, DateTimeOffset End)? WorkingHours(DateOnly day) =>
        IsWorkingDay(day) ? (Instant(day, _start), Instant(day, _end)) : null;

    private DateOnly LocalDate(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, _zone).DateTime);

    /// <summary>The instant of a local time: a time skipped by DST moves forward by the gap, an ambiguous one is its first occurrence.</summary>
    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            var before = _zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToOffset(_zone.GetUtcOffset(local.AddHours(3)));
        }
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static string? Text(JsonObject o, string name) => o[name]?.GetValue<string>();

    private static TimeOnly Time(JsonObject o, string name, TimeOnly fallback) => Text(o, name) is { } t
        ? TimeOnly.TryParseExact(t, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : throw new FormatException($"the calendar's {name} must be HH:mm, not '{t}'")
        : fallback;

    private static HashSet<DateOnly> Dates(JsonObject o, string name) => o[name] is JsonArray a
        ? a.Select(d => DateOnly.TryParseExact(d?.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v)
            ? v : throw new FormatException($"the calendar's {name} must be yyyy-MM-dd dates, not '{d}'")).ToHashSet()
        : [];

    private static DayOfWeek Day(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        "sun" => DayOfWeek.Sunday,
        _ => throw new FormatException($"'{name}' is not a day: use Mon, Tue, Wed, Thu, Fri, Sat, Sun"),
    };
}
