using AfterSales.Workflows.Expressions.Liquid;
using Fluid;

namespace AfterSales.Workflows.Expressions;

/// <summary>
/// Parses and renders Liquid templates (Fluid) under <see cref="LiquidLimits"/>: a time limit and a size limit on the
/// output and on every value the template makes, besides Fluid's own step and recursion limits. A template that breaks
/// one throws <see cref="LiquidLimitException"/>; it never runs on unchecked.
/// </summary>
public sealed class LiquidSandbox
{
    private static readonly FluidParser Parser = new();
    private readonly TemplateOptions _options;

    public LiquidSandbox(LiquidLimits limits)
    {
        Limits = limits;
        _options = new TemplateOptions { MaxSteps = limits.MaxSteps, MaxRecursion = limits.MaxRecursion };
        FilterGuards.Wrap(_options.Filters);
        _options.Assigned = (name, value, context) => Check(value, context, $"assign '{name}'");
        _options.Captured = (name, value, context) => Check(value, context, $"capture '{name}'");
    }

    public LiquidLimits Limits { get; }

    /// <summary>Parses a template; <paramref name="error"/> is Fluid's message when it does not parse.</summary>
    public bool TryParse(string text, out IFluidTemplate template, out string error)
    {
        if (!Parser.TryParse(text, out template, out error)) return false;
        template = new GuardRewriter().VisitTemplate(template);
        return true;
    }

    /// <summary>Renders a template parsed by <see cref="TryParse"/>; <paramref name="model"/> sets the names it reads.</summary>
    public string Render(IFluidTemplate template, Action<TemplateContext> model)
    {
        var run = new LiquidRun(_options, Limits);
        model(run);
        using var output = new StringWriter();
        try
        {
            var rendering = template.RenderAsync(new LimitedWriter(output, run), NullEncoder.Default, run);
            // Nothing a template can call completes asynchronously; wait only in case a later Fluid changes that.
            if (!rendering.IsCompletedSuccessfully) rendering.AsTask().GetAwaiter().GetResult();
        }
        catch (InvalidOperationException e)
        {
            // Fluid reports its MaxSteps and MaxRecursion limits this way, both with a message about recursion.
            throw new LiquidLimitException($"the template broke the limit of {Limits.MaxSteps} steps or {Limits.MaxRecursion} levels of recursion", e);
        }
        return output.ToString();
    }

    private static ValueTask<Fluid.Values.FluidValue> Check(Fluid.Values.FluidValue value, TemplateContext context, string what)
    {
        if (context is LiquidRun run)
        {
            run.CheckTime();
            run.CheckValue(value, what);
        }
        return ValueTask.FromResult(value);
    }
}
