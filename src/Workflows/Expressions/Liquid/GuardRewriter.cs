using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace AfterSales.Workflows.Expressions.Liquid;

/// <summary>
/// Rewrites a parsed template so the sandbox sees what Fluid's own limits do not: a range is checked before its
/// array is made, every loop iteration checks the time, and text rendered into a buffer of Fluid's own (a capture,
/// ifchanged) is counted against the output limit like the output itself.
/// </summary>
internal sealed class GuardRewriter : AstRewriter
{
    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
        base.VisitRangeExpression(rangeExpression) is RangeExpression r ? new CheckedRange(r) : rangeExpression;

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        var f = (ForStatement)base.VisitForStatement(forStatement);
        return new ForStatement([new TimeCheck(), .. f.Statements], f.Identifier, f.Source, f.Limit, f.Offset, f.Reversed, f.Else);
    }

    protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
    {
        var t = (TableRowStatement)base.VisitTableRowStatement(tableRowStatement);
        return new TableRowStatement([new TimeCheck(), .. t.Statements], t.Identifier, t.Source, t.Limit, t.Offset, t.Cols);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        var c = (CaptureStatement)base.VisitCaptureStatement(captureStatement);
        return new CaptureStatement(c.Identifier, [new LimitedBlock(c.Statements)]);
    }

    protected override Statement VisitIfChangedStatement(IfChangedStatement ifChangedStatement)
    {
        var c = (IfChangedStatement)base.VisitIfChangedStatement(ifChangedStatement);
        return new IfChangedStatement([new LimitedBlock(c.Statements)]);
    }

    /// <summary>Fluid makes a range's whole array at once: a billion numbers would be 8 GB before the first step.</summary>
    private sealed class CheckedRange(RangeExpression range) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            if (context is LiquidRun run)
            {
                var from = (long)Math.Truncate((await range.From.EvaluateAsync(context)).ToNumberValue());
                var to = (long)Math.Truncate((await range.To.EvaluateAsync(context)).ToNumberValue());
                var count = to - from + 1;
                if (count > run.Limits.MaxOutput)
                    throw new LiquidLimitException($"a range of {count} numbers is larger than the limit of {run.Limits.MaxOutput}");
            }
            return await range.EvaluateAsync(context);
        }
    }

    private sealed class TimeCheck : Statement
    {
        public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            (context as LiquidRun)?.CheckTime();
            return Normal();
        }
    }

    /// <summary>Renders its statements into the writer it is given, counted against the output limit.</summary>
    private sealed class LimitedBlock(IReadOnlyList<Statement> statements) : Statement
    {
        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            var limited = context is LiquidRun run ? new LimitedWriter(writer, run) : writer;
            foreach (var statement in statements)
            {
                var completion = await statement.WriteToAsync(limited, encoder, context);
                if (completion != Completion.Normal) return completion;
            }
            return Completion.Normal;
        }
    }
}
