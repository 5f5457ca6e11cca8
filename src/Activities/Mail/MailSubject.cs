namespace AfterSales.Activities.Mail;

internal static class MailSubject
{
    /// <summary>A subject is one line: a template's line breaks become spaces.</summary>
    public static string OneLine(string subject) =>
        string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
