using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Workflows;

/// <summary>
/// A typed activity input: an expression compiled once per definition version and evaluated per run
/// through <see cref="ActivityContext.Get{T}(Input{T})"/>.
/// </summary>
public sealed class Input<T>
{
    internal Input(string name, ExpressionSpec expression, Evaluator<T> evaluator)
    {
        Name = name;
        Expression = expression;
        Evaluator = evaluator;
    }

    public string Name { get; }
    public ExpressionSpec Expression { get; }
    internal Evaluator<T> Evaluator { get; }

    /// <summary>True when the expression is a literal: its value is known without running anything.</summary>
    public bool IsLiteral => Evaluator.IsConstant;

    /// <summary>The literal's value; only meaningful when <see cref="IsLiteral"/>.</summary>
    public T? LiteralValue => Evaluator.IsConstant ? Evaluator.Evaluate(null!) : default;
}

/// <summary>A typed activity output; a node may bind it to a workflow variable.</summary>
public sealed class Output<T>
{
    internal Output(string name, string? variable)
    {
        Name = name;
        Variable = variable;
    }

    public string Name { get; }
    public string? Variable { get; }
}
