using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace AfterSales.Workflows.Expressions.Liquid;

/// <summary>
/// Wraps every filter so that its result is checked against the output limit and the time is checked on each call;
/// the filters whose result can be many times the size of their input (a replacement, a join, a format's width or
/// precision) are refused before they run, since checking afterwards would be after the memory is taken.
/// </summary>
internal static partial class FilterGuards
{
    public static void Wrap(FilterCollection filters)
    {
        foreach (var (name, filter) in filters.ToList()) filters.AddFilter(name, Guard(name, filter));
    }

    private static FilterDelegate Guard(string name, FilterDelegate filter) => (input, arguments, context) =>
    {
        if (context is not LiquidRun run) return filter(input, arguments, context);
        run.CheckTime();
        var planned = Planned(name, input, arguments);
        if (planned is { } size) run.CheckPlanned(size, $"filter '{name}'");
        var result = filter(input, arguments, context);
        if (!result.IsCompletedSuccessfully) return Checked(result, run, name);
        run.CheckValue(result.Result, $"filter '{name}'");
        return result;
    };

    private static async ValueTask<FluidValue> Checked(ValueTask<FluidValue> pending, LiquidRun run, string name)
    {
        var value = await pending;
        run.CheckValue(value, $"filter '{name}'");
        return value;
    }

    /// <summary>An upper bound of the result's size, for the filters that can multiply their input; null for the rest.</summary>
    private static long? Planned(string name, FluidValue input, FilterArguments arguments) => name switch
    {
        "replace" => Replaced(input.ToStringValue(), arguments.At(0).ToStringValue(), arguments.At(1).ToStringValue()),
        "join" when input is ArrayValue array =>
            array.Values.Sum(v => Math.Max(1, LiquidRun.Size(v, 0))) + (long)Math.Max(0, array.Values.Count - 1) * arguments.At(0).ToStringValue().Length,
        "format_string" => Formatted(input.ToStringValue()) + arguments.Values.Sum(v => LiquidRun.Size(v, 0)),
        "format_number" or "format_date" or "date" => Formatted(arguments.At(0).ToStringValue()) + 64,
        _ => null,
    };

    private static long Replaced(string text, string search, string replacement)
    {
        if (search.Length == 0 || replacement.Length <= search.Length) return text.Length;
        long count = 0;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
            count++;
        return text.Length + count * (replacement.Length - search.Length);
    }

    /// <summary>A format's own length plus every number in it: a width (<c>{0,999999}</c>) or precision (<c>F999999999</c>) pads to that many.</summary>
    private static long Formatted(string format) =>
        format.Length + Numbers().Matches(format).Sum(m => long.TryParse(m.ValueSpan, out var n) ? n : long.MaxValue / 2);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
