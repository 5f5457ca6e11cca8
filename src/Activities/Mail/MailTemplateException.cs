namespace AfterSales.Activities.Mail;

/// <summary>
/// A mail template that does not parse or breaks a limit. <see cref="Template"/> is <c>subject</c> or <c>body</c>;
/// <see cref="Line"/> and <see cref="Column"/> locate a parse error within that template, as Fluid reports them.
/// </summary>
public sealed class MailTemplateException(string template, int? line, int? column, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Template { get; } = template;
    public int? Line { get; } = line;
    public int? Column { get; } = column;
}
