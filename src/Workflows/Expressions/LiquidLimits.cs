namespace AfterSales.Workflows.Expressions;

/// <summary>
/// The sandbox limits every Liquid template (expressions, mail subjects and bodies) renders under. Every value a
/// template makes — its output, a captured or assigned string, a filter's result, a range — holds at most
/// <see cref="MaxOutput"/> characters; an array counts its items' characters and at least one per item.
/// </summary>
public sealed record LiquidLimits
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxOutput { get; init; } = 1024 * 1024;
    public int MaxSteps { get; init; } = 100_000;
    public int MaxRecursion { get; init; } = 32;
}
