using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace AfterSales.Workflows.Expressions;

/// <summary>
/// Durations as process owners write them: ISO 8601 (<c>PT24H</c>, <c>P2D</c>, <c>PT1H30M</c>) or the short
/// form (<c>24h</c>, <c>30m</c>, <c>10s</c>, <c>2d</c>, <c>1h30m</c>, <c>500ms</c>). Written back as ISO 8601.
/// </summary>
public static partial class DurationFormat
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith('P') || s.StartsWith("-P", StringComparison.Ordinal))
        {
            // XmlConvert reads the full ISO 8601 duration grammar except years and months, which have no fixed length.
            try
            {
                value = XmlConvert.ToTimeSpan(s);
                return !s.Contains('Y') && !HasMonths(s);
            }
            catch (FormatException)
            {
                return false;
            }
        }
        var m = ShortForm().Match(s);
        if (!m.Success || m.Length == 0) return false;
        double Part(string g) => m.Groups[g].Success ? double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        value = TimeSpan.FromDays(Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m"))
            + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration: use ISO 8601 (PT24H) or 24h, 30m, 10s");

    public static string Format(TimeSpan value) => XmlConvert.ToString(value);

    private static bool HasMonths(string iso)
    {
        var t = iso.IndexOf('T');
        var datePart = t < 0 ? iso : iso[..t];
        return datePart.Contains('M');
    }

    [GeneratedRegex(@"^(?:(?<d>\d+(?:\.\d+)?)d)?\s*(?:(?<h>\d+(?:\.\d+)?)h)?\s*(?:(?<m>\d+(?:\.\d+)?)m(?!s))?\s*(?:(?<s>\d+(?:\.\d+)?)s)?\s*(?:(?<ms>\d+)ms)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ShortForm();
}
