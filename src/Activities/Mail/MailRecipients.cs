using System.Text.RegularExpressions;

namespace AfterSales.Activities.Mail;

/// <summary>
/// How workflows name mail recipients: <c>role:&lt;role&gt;</c> (everyone in the role), <c>user:&lt;name&gt;</c>,
/// <c>customer</c> (the case's customer), <c>owner</c> (the case's owner) or a literal address. Workflows name people
/// by role and relation, not address, so a definition stays right when staff or customers change.
/// </summary>
public static partial class MailRecipients
{
    public const string Customer = "customer";
    public const string Owner = "owner";
    public const string RolePrefix = "role:";
    public const string UserPrefix = "user:";

    /// <summary>The recipients trimmed, without duplicates; throws naming the first that is none of the forms above.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<string> recipients)
    {
        var list = recipients.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0) throw new InvalidOperationException("there is no recipient: name at least one");
        foreach (var r in list.Where(r => !IsValid(r)))
            throw new InvalidOperationException($"'{r}' is not a recipient: use role:<role>, user:<name>, customer, owner or an email address");
        return list;
    }

    private static bool IsValid(string r) => r is Customer or Owner || Role().IsMatch(r) || User().IsMatch(r) || Address().IsMatch(r);

    // Role codes are lower_snake_case like the domain's (aftersales_manager).
    [GeneratedRegex(@"^role:[a-z][a-z0-9_]*$")]
    private static partial Regex Role();

    [GeneratedRegex(@"^user:\S+$")]
    private static partial Regex User();

    [GeneratedRegex(@"^[^@\s:]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex Address();
}
