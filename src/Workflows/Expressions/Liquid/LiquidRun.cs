using System.Diagnostics;
using Fluid;
using Fluid.Values;

namespace AfterSales.Workflows.Expressions.Liquid;

/// <summary>One rendering: the template context plus the clock and the sizes the sandbox checks as it goes.</summary>
internal sealed class LiquidRun(TemplateOptions options, LiquidLimits limits) : TemplateContext(options)
{
    // A monotonic clock: the limit is on the work a template does, not on the wall clock a test may fake.
    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);

    public LiquidLimits Limits { get; } = limits;

    public void CheckTime()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
            throw new LiquidLimitException($"the template ran longer than the time limit of {Limits.Timeout.TotalMilliseconds:0} ms");
    }

    /// <summary>Refuses a value larger than the output limit; <paramref name="what"/> names its maker.</summary>
    public void CheckValue(FluidValue value, string what)
    {
        if (Size(value, 0) > Limits.MaxOutput)
            throw new LiquidLimitException($"{what} made a value of more than {Limits.MaxOutput} characters");
    }

    /// <summary>Refuses, before it is made, a value that would be larger than the output limit.</summary>
    public void CheckPlanned(long size, string what)
    {
        if (size > Limits.MaxOutput)
            throw new LiquidLimitException($"{what} would make a value of more than {Limits.MaxOutput} characters");
    }

    /// <summary>A value's size in characters: a string's length; an array's items, each at least one.</summary>
    public static long Size(FluidValue value, int depth) => value switch
    {
        StringValue s => s.ToStringValue().Length,
        // Nothing a template can do nests arrays deeply; the cap only keeps a model's odd shape from recursing far.
        ArrayValue a when depth < 16 => a.Values.Sum(v => Math.Max(1, Size(v, depth + 1))),
        ArrayValue a => a.Values.Count,
        _ => 1,
    };
}
