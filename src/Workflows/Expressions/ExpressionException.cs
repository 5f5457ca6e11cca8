namespace AfterSales.Workflows.Expressions;

/// <summary>An expression that does not parse, breaks a sandbox limit, throws, or yields a value of the wrong type.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
