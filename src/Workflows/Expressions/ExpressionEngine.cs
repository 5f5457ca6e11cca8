using System.Text.Json.Nodes;
using AfterSales.Workflows.Definitions;
using Jint;

namespace AfterSales.Workflows.Expressions;

/// <summary>The sandbox limits every JavaScript expression runs under.</summary>
public sealed record JavaScriptLimits
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
    public long MemoryBytes { get; init; } = 16 * 1024 * 1024;
    public int RecursionDepth { get; init; } = 64;
    public int MaxStatements { get; init; } = 100_000;
}

/// <summary>A named value expressions can read besides variables and input, e.g. the case an instance works on.</summary>
public interface IWorkflowGlobal
{
    string Name { get; }
    JsonNode? Resolve(WorkflowInstance instance);
}

/// <summary>
/// Compiles expressions: <c>Literal</c> values are converted once, <c>JavaScript</c> is parsed once by Jint and
/// run sandboxed (no CLR access, time, memory, recursion and statement limits), <c>Liquid</c> is parsed once by Fluid and
/// rendered under <see cref="LiquidLimits"/>.
/// </summary>
public sealed class ExpressionEngine
{
    public ExpressionEngine(JavaScriptLimits limits, LiquidLimits liquidLimits, IEnumerable<IWorkflowGlobal> globals)
    {
        Limits = limits;
        Globals = globals.ToArray();
        Liquid = new LiquidSandbox(liquidLimits);
    }

    public JavaScriptLimits Limits { get; }
    internal IReadOnlyList<IWorkflowGlobal> Globals { get; }
    internal LiquidSandbox Liquid { get; }

    internal Evaluator<T> Compile<T>(ExpressionSpec spec)
    {
        switch (spec.Type)
        {
            case ExpressionSpec.Literal:
                if (spec.Value is JsonObject && (typeof(T) == typeof(string) || typeof(T) == typeof(bool) || typeof(T) == typeof(bool?)))
                    // Such as Elsa 3's {"typeName", "expression": {…}}: taking its JSON as the text would hide the mistake.
                    throw new ExpressionException(
                        "is an object but not an expression (it has no \"type\" key): write the value itself, or "
                        + "{\"type\": \"JavaScript\", \"value\": …} for an expression");
                return new ConstantEvaluator<T>(ValueConverter.Convert<T>(spec.Value));
            case ExpressionSpec.JavaScript:
                Prepared<Acornima.Ast.Script> script;
                try
                {
                    script = Engine.PrepareScript(spec.Text, strict: true);
                }
                catch (Exception e) when (e is ScriptPreparationException or Acornima.ParseErrorException or Jint.Runtime.JavaScriptException)
                {
                    throw new ExpressionException($"the script does not parse: {(e.InnerException ?? e).Message}", e);
                }
                return new JavaScriptEvaluator<T>(script);
            case ExpressionSpec.Liquid:
                if (!Liquid.TryParse(spec.Text, out var template, out var error))
                    throw new ExpressionException($"the template does not parse: {error}");
                return new LiquidEvaluator<T>(template);
            default:
                throw new ExpressionException($"unknown expression type '{spec.Type}': use Literal, JavaScript or Liquid");
        }
    }

    internal Engine CreateJavaScriptEngine() => new(ConfigureJavaScript);

    internal void ConfigureJavaScript(Options options) => options
        .Strict()
        .TimeoutInterval(Limits.Timeout)
        .RegexTimeoutInterval(Limits.Timeout) // one match runs inside one native call, where the time limit does not look
        .LimitMemory(Limits.MemoryBytes)
        // An array's length alone can make natives loop a billion times over holes; every item takes a reference at least.
        .MaxArraySize((uint)Math.Clamp(Limits.MemoryBytes / IntPtr.Size, 1, uint.MaxValue))
        .LimitRecursion(Limits.RecursionDepth)
        .MaxStatements(Limits.MaxStatements);
}
