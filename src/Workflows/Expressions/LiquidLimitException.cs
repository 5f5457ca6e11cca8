namespace AfterSales.Workflows.Expressions;

/// <summary>A Liquid template broke a sandbox limit (time, output or value size, steps or recursion) while rendering.</summary>
public sealed class LiquidLimitException(string message, Exception? inner = null) : Exception(message, inner);
