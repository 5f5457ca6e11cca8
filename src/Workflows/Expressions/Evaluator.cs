using Fluid;
using Jint;

namespace AfterSales.Workflows.Expressions;

/// <summary>A compiled expression yielding <typeparamref name="T"/>. Compiled once per definition version, evaluated per run.</summary>
internal abstract class Evaluator<T>
{
    public virtual bool IsConstant => false;
    public abstract T Evaluate(ExpressionScope scope);
}

internal sealed class ConstantEvaluator<T>(T value) : Evaluator<T>
{
    public override bool IsConstant => true;
    public override T Evaluate(ExpressionScope scope) => value;
}

internal sealed class JavaScriptEvaluator<T>(Prepared<Acornima.Ast.Script> script) : Evaluator<T>
{
    public override T Evaluate(ExpressionScope scope) => JsValues.To<T>(scope.RunJavaScript(script));
}

internal sealed class LiquidEvaluator<T>(IFluidTemplate template) : Evaluator<T>
{
    public override T Evaluate(ExpressionScope scope)
    {
        var text = scope.RenderLiquid(template);
        return typeof(T) == typeof(string) ? (T)(object)text : ValueConverter.Convert<T>(System.Text.Json.Nodes.JsonValue.Create(text));
    }
}
