using System.Text;

namespace AfterSales.Workflows.Expressions.Liquid;

/// <summary>
/// Passes writes through to <paramref name="inner"/> while they stay within the output limit, and checks the time on
/// each. Every write Fluid makes is synchronous underneath, so the async overloads are too (the base class's would
/// hop to the thread pool).
/// </summary>
internal sealed class LimitedWriter(TextWriter inner, LiquidRun run) : TextWriter
{
    private long _written;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        Count(1);
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        Count(value?.Length ?? 0);
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Count(count);
        inner.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Count(buffer.Length);
        inner.Write(buffer);
    }

    public override void Write(StringBuilder? value)
    {
        Count(value?.Length ?? 0);
        inner.Write(value);
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(StringBuilder? value, CancellationToken cancellationToken = default)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    private void Count(int characters)
    {
        run.CheckTime();
        _written += characters;
        if (_written > run.Limits.MaxOutput)
            throw new LiquidLimitException($"the template wrote more than the limit of {run.Limits.MaxOutput} characters");
    }
}
