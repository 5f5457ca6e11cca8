using System.Text.Json.Nodes;
using Fluid;
using Jint;
using Jint.Runtime;

namespace AfterSales.Workflows.Expressions;

/// <summary>
/// What expressions of one burst of execution see: the instance's variables and input, its correlation id and
/// the globals contributed by the host (e.g. <c>case</c>). The JavaScript engine is created on first use, so a
/// burst that runs only literals pays nothing for it.
/// </summary>
internal sealed class ExpressionScope(WorkflowInstance instance, ExpressionEngine engine)
{
    private Engine? _js;
    private JavaScriptGuards? _guards;
    private int _jsVariablesVersion = -1;
    private int _variablesVersion;
    private Dictionary<string, JsonNode?>? _globals;

    /// <summary>Called when a variable changes, so the next script sees the new value.</summary>
    public void VariablesChanged() => _variablesVersion++;

    public Jint.Native.JsValue RunJavaScript(Prepared<Acornima.Ast.Script> script)
    {
        var js = _js ??= CreateJavaScript();
        if (_jsVariablesVersion != _variablesVersion)
        {
            js.SetValue("variables", JsValues.FromJson(js, VariablesAsJson()));
            _jsVariablesVersion = _variablesVersion;
        }
        try
        {
            _guards!.Started();
            var result = js.Evaluate(script);
            _guards.Finished();
            return result;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            throw new ExpressionException($"a regular expression ran longer than the time limit of {engine.Limits.Timeout.TotalMilliseconds:0} ms", e);
        }
        catch (TimeoutException e)
        {
            throw new ExpressionException($"the script ran longer than the time limit of {engine.Limits.Timeout.TotalMilliseconds:0} ms", e);
        }
        catch (MemoryLimitExceededException e)
        {
            throw new ExpressionException($"the script used more than the memory limit of {engine.Limits.MemoryBytes / 1024 / 1024} MB", e);
        }
        catch (RecursionDepthOverflowException e)
        {
            throw new ExpressionException($"the script recursed deeper than the limit of {engine.Limits.RecursionDepth} calls", e);
        }
        catch (StatementsCountOverflowException e)
        {
            throw new ExpressionException($"the script ran more than the limit of {engine.Limits.MaxStatements} statements", e);
        }
        catch (JavaScriptException e)
        {
            throw new ExpressionException($"the script threw: {e.Message}", e);
        }
    }

    public string RenderLiquid(IFluidTemplate template)
    {
        try
        {
            return engine.Liquid.Render(template, context =>
            {
                context.SetValue("variables", PlainValues.From(VariablesAsJson()));
                context.SetValue("input", PlainValues.From(instance.Input));
                context.SetValue("correlationId", instance.CorrelationId);
                foreach (var (name, value) in Globals()) context.SetValue(name, PlainValues.From(value));
            });
        }
        catch (LiquidLimitException e)
        {
            throw new ExpressionException(e.Message, e);
        }
    }

    private Engine CreateJavaScript()
    {
        var js = engine.CreateJavaScriptEngine();
        _guards = JavaScriptGuards.Install(js, engine.Limits);
        js.SetValue("input", JsValues.FromJson(js, instance.Input));
        js.SetValue("correlationId", instance.CorrelationId is { } c ? new Jint.Native.JsString(c) : Jint.Native.JsValue.Null);
        foreach (var (name, value) in Globals()) js.SetValue(name, JsValues.FromJson(js, value));
        return js;
    }

    private JsonObject VariablesAsJson()
    {
        var o = new JsonObject();
        foreach (var (name, value) in instance.Variables) o[name] = value?.DeepClone();
        return o;
    }

    private Dictionary<string, JsonNode?> Globals()
    {
        if (_globals is not null) return _globals;
        _globals = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var g in engine.Globals) _globals[g.Name] = g.Resolve(instance);
        return _globals;
    }
}
