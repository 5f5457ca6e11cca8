namespace AfterSales.Persistence.Cases;

/// <summary>What the case projection needs from configuration (the Host binds it).</summary>
public sealed class CaseOptions
{
    /// <summary>The public address survey links point to (<c>{PublicBaseUrl}/survey/{token}</c>); <c>Host:PublicBaseUrl</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The case's page in the web application, which staff mails about the case link to.</summary>
    public string CaseLink(string caseId) => $"{PublicBaseUrl.TrimEnd('/')}/cases/{Uri.EscapeDataString(caseId)}";

    /// <summary>
    /// Addresses that receive mail to <c>role:&lt;role&gt;</c> besides the users holding the role (<c>Mail:Roles:&lt;role&gt;</c>),
    /// e.g. a team mailbox.
    /// </summary>
    public Dictionary<string, string[]> RoleAddresses { get; set; } = new(StringComparer.Ordinal);
}
