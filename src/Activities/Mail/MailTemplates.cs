using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AfterSales.Workflows.Expressions;
using Fluid;

namespace AfterSales.Activities.Mail;

/// <summary>A rendered subject (one line) and body.</summary>
public sealed record RenderedMail(string Subject, string Body);

/// <summary>Renders mail subjects and bodies from Liquid templates (Fluid) over a JSON model.</summary>
public static partial class MailTemplates
{
    private static readonly LiquidSandbox DefaultSandbox = new(new LiquidLimits());

    /// <summary>
    /// Renders both templates; the model's properties are the templates' top-level names
    /// (<c>{{ case.number }}</c>, <c>{% for item in items %}</c>). Output is not HTML-encoded. The subject's line
    /// breaks become spaces. Throws <see cref="MailTemplateException"/> naming the template that does not parse
    /// (with its line and column) or that breaks a limit of <paramref name="limits"/> (default: <see cref="LiquidLimits"/>'s).
    /// </summary>
    public static RenderedMail Render(string subjectTemplate, string bodyTemplate, JsonObject model, LiquidLimits? limits = null)
    {
        var sandbox = limits is null ? DefaultSandbox : new LiquidSandbox(limits);
        var subject = Parse(sandbox, "subject", subjectTemplate);
        var body = Parse(sandbox, "body", bodyTemplate);
        return new RenderedMail(
            LineBreaks().Replace(RenderOne(sandbox, "subject", subject, model), " ").Trim(),
            RenderOne(sandbox, "body", body, model));
    }

    private static IFluidTemplate Parse(LiquidSandbox sandbox, string which, string text)
    {
        if (sandbox.TryParse(text, out var template, out var error)) return template;
        // Fluid says e.g. "End of tag '}}' was expected at (1:14)\nSource:\n…".
        var reason = error.Split('\n')[0].Trim();
        var at = Position().Match(reason);
        return at.Success
            ? throw new MailTemplateException(which, int.Parse(at.Groups[1].Value), int.Parse(at.Groups[2].Value),
                $"The {which} template does not parse at line {at.Groups[1].Value}, column {at.Groups[2].Value}: {reason[..at.Index].Trim()}")
            : throw new MailTemplateException(which, null, null, $"The {which} template does not parse: {reason}");
    }

    private static string RenderOne(LiquidSandbox sandbox, string which, IFluidTemplate template, JsonObject model)
    {
        try
        {
            return sandbox.Render(template, context =>
            {
                foreach (var (name, value) in model) context.SetValue(name, PlainValues.From(value));
            });
        }
        catch (LiquidLimitException e)
        {
            throw new MailTemplateException(which, null, null, $"The {which} template broke a limit: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"\bat \((\d+):(\d+)\)\s*$")]
    private static partial Regex Position();
}
