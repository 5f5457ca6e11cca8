namespace AfterSales.Activities.Mail;

/// <summary>
/// The literal addresses workflows may mail besides roles, users, the customer and the owner (<c>Mail:AllowedAddresses</c>,
/// set by an administrator: a list, or one value separated by <c>,</c> or <c>;</c>). Empty by default, so a workflow mails
/// only people the install knows; a team mailbox for a role belongs in <c>Mail:Roles:&lt;role&gt;</c> instead.
/// </summary>
public sealed class MailRecipientOptions
{
    public IList<string> AllowedAddresses { get; set; } = [];

    /// <summary>Whether <paramref name="address"/> is allowed; addresses compare case-insensitively.</summary>
    public bool Allows(string address) => AllowedAddresses.Any(a => string.Equals(a.Trim(), address, StringComparison.OrdinalIgnoreCase));
}
