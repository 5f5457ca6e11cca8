using System.Text;

namespace AfterSales.Host.Auth;

/// <summary>Text from a request made safe to log: a control character (a newline above all) could forge log lines.</summary>
internal static class LogText
{
    private const int MaxLength = 100;

    /// <summary>The text with control characters escaped as <c>\n</c>, <c>\u001b</c>…, cut to a hundred characters.</summary>
    public static string Escape(string? text)
    {
        if (text is null) return "";
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            if (c == '\n') builder.Append("\\n");
            else if (c == '\r') builder.Append("\\r");
            else if (c == '\t') builder.Append("\\t");
            else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085') builder.Append($"\\u{(int)c:x4}");
            else builder.Append(c);
        }
        if (text.Length > MaxLength) builder.Append('…');
        return builder.ToString();
    }
}
