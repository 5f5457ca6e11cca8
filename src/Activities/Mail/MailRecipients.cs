using System.Text.RegularExpressions;

namespace AfterSales.Activities.Mail;

/// <summary>
/// How workflows name mail recipients: <c>role:&lt;role&gt;</c> (everyone in the role, and the role's configured addresses),
/// <c>user:&lt;name&gt;</c>, <c>customer</c> (the case's customer), <c>owner</c> (the case's owner), or a literal address that
/// an administrator allowed (<see cref="MailRecipientOptions"/>). Workflows name people by role and relation, not address,
/// so a definition stays right when staff or customers change, and nobody who can edit or start a workflow can make the
/// install mail an address of their choosing.
/// </summary>
public static partial class MailRecipients
{
    public const string Customer = AfterSales.Cases.Mail.MailRequested.Customer;
    public const string Owner = "owner";
    public const string RolePrefix = "role:";
    public const string UserPrefix = "user:";

    /// <summary>
    /// The recipients trimmed, without duplicates; throws naming the first that is none of the forms above, or a literal
    /// address that is not allowed. At run time this refuses (the activity faults with an incident) rather than drops: a
    /// mail with a recipient taken out silently would look sent to everyone it names.
    /// </summary>
    public static IReadOnlyList<string> Check(IEnumerable<string> recipients, MailRecipientOptions options)
    {
        var list = recipients.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0) throw new InvalidOperationException("there is no recipient: name at least one");
        foreach (var r in list)
            if (Problem(r, options) is { } problem) throw new InvalidOperationException(problem);
        return list;
    }

    /// <summary>Null when <paramref name="recipient"/> (trimmed) may be mailed, else why not.</summary>
    public static string? Problem(string recipient, MailRecipientOptions options)
    {
        if (recipient is Customer or Owner || Role().IsMatch(recipient) || User().IsMatch(recipient)) return null;
        if (!IsAddress(recipient)) return $"'{recipient}' is not a recipient: use role:<role>, user:<name>, customer, owner or an email address";
        return options.Allows(recipient)
            ? null
            : $"'{recipient}' is an address that is not allowed: name a role, a user, customer or owner, or have an administrator add it to Mail:AllowedAddresses";
    }

    /// <summary>Whether the text has the shape of a mail address (not a role or a user).</summary>
    public static bool IsAddress(string text) => Address().IsMatch(text);

    // Role codes are lower_snake_case like the domain's (aftersales_manager).
    [GeneratedRegex(@"^role:[a-z][a-z0-9_]*$")]
    private static partial Regex Role();

    [GeneratedRegex(@"^user:\S+$")]
    private static partial Regex User();

    [GeneratedRegex(@"^[^@\s:]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex Address();
}
