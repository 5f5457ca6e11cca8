using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AfterSales.Activities.Mail;

/// <summary>
/// The HTML part sent beside a mail's plain text: the same text, escaped, in a table-based layout with inline styles
/// (what Outlook, Foxmail and phone mail apps render alike), its http(s) addresses as links. No script, image, font or
/// style sheet is loaded from anywhere.
/// </summary>
public static partial class MailHtml
{
    private const string Font = "font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif;";

    /// <summary>Renders <paramref name="text"/> (paragraphs split by blank lines) under <paramref name="subject"/>.
    /// </summary>
    public static string Render(string subject, string text)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background-color:#f5f5f5;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
            .Append(" style=\"background-color:#f5f5f5;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">")
            .Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
            .Append(" style=\"width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e5e5e5;\">")
            .Append("<tr><td style=\"padding:16px 24px;background-color:#1f4e8c;color:#ffffff;font-size:16px;")
            .Append("font-weight:bold;").Append(Font).Append("\">")
            .Append(WebUtility.HtmlEncode(subject)).Append("</td></tr>")
            .Append("<tr><td style=\"padding:20px 24px;color:#262626;font-size:14px;line-height:1.6;").Append(Font)
            .Append("\">");
        foreach (var paragraph in Paragraphs(text))
        {
            html.Append("<p style=\"margin:0 0 12px 0;\">");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) html.Append("<br>");
                AppendLine(html, lines[i]);
            }
            html.Append("</p>");
        }
        html.Append("</td></tr>")
            .Append("<tr><td style=\"padding:12px 24px;border-top:1px solid #f0f0f0;color:#8c8c8c;font-size:12px;")
            .Append(Font).Append("\">AfterSales 售后服务</td></tr>")
            .Append("</table></td></tr></table></body></html>");
        return html.ToString();
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        BlankLines().Split(text.Replace("\r\n", "\n").Replace('\r', '\n').Trim('\n'))
            .Where(p => p.Trim().Length > 0);

    /// <summary>One line, escaped, with each http(s) address a link (escaped as text and as attribute).</summary>
    private static void AppendLine(StringBuilder html, string line)
    {
        var at = 0;
        foreach (Match url in Url().Matches(line))
        {
            var address = url.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '。', '，', '；', '）');
            html.Append(WebUtility.HtmlEncode(line[at..url.Index]));
            var encoded = WebUtility.HtmlEncode(address);
            html.Append("<a href=\"").Append(encoded).Append("\" style=\"color:#1f4e8c;text-decoration:underline;\">")
                .Append(encoded).Append("</a>");
            at = url.Index + address.Length;
        }
        html.Append(WebUtility.HtmlEncode(line[at..]));
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"https?://[^\s<>""'（）]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
