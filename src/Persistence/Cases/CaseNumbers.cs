using System.Globalization;

namespace AfterSales.Persistence.Cases;

/// <summary>
/// Case numbers, <c>AS-2026-000123</c>: the year's counter (<see cref="CaseNumberCounterEntity"/>) advances in the
/// transaction that writes the case, so a refused case uses no number. Two openers proposing the same number collide
/// on the unique index of <c>cases.number</c>: one commits, the other is told to take the next (<see cref="IsTaken"/>).
/// </summary>
public static class CaseNumbers
{
    public const string UniqueIndex = "ux_cases_number";

    public static string Format(int year, int sequence) => $"AS-{year}-{sequence:D6}";

    /// <summary>The year and sequence of a number <see cref="Format"/> made.</summary>
    internal static (int Year, int Sequence) Parse(string number)
    {
        var parts = number.Split('-');
        return (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>True when a case could not be written because another took its number first: propose the next and try again.</summary>
    public static bool IsTaken(Exception e) => e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: UniqueIndex };
}
