using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Auth;
using AfterSales.Persistence.Cases;
using AfterSales.Persistence.Tasks;

namespace AfterSales.Host.Cases;

/// <summary>
/// A customer's phone and email are personal data: they go out whole only to the roles that talk to customers
/// (<see cref="Roles"/>) and to whoever works on the case (its owner, the assignee or claimer of one of its tasks).
/// Everyone else sees the case without them: removed from the customer, and replaced by <see cref="Hidden"/> in every
/// field named for a phone or an email (forms) and in mail recipient lists (mails, timeline). README: "Who sees personal data".
/// </summary>
internal sealed class PersonalData(CaseContacts contacts)
{
    public static readonly IReadOnlyList<string> Roles = ["aftersales", "aftersales_manager", "sales", Auth.Roles.Admin];

    public const string Hidden = "(hidden)";

    private static readonly string[] CustomerFields = ["phone", "email"];

    public static bool SeesAll(ClaimsPrincipal principal) => Roles.Any(principal.IsInRole);

    public async Task<CaseView> FilterAsync(ClaimsPrincipal principal, CaseView view, CancellationToken ct) =>
        (await FilterAsync(principal, [view], v => v.Id, ct))[0];

    public async Task<CaseDetails> FilterAsync(ClaimsPrincipal principal, CaseDetails details, CancellationToken ct) =>
        (await FilterAsync(principal, [details], d => d.Id, ct))[0];

    public async Task<TaskView> FilterAsync(ClaimsPrincipal principal, TaskView task, CancellationToken ct) =>
        (await FilterAsync(principal, [task], t => t.CaseId, ct))[0];

    /// <summary>Each item as <paramref name="principal"/> may see it; <paramref name="caseOf"/> names the case an item belongs to.</summary>
    public async Task<IReadOnlyList<T>> FilterAsync<T>(ClaimsPrincipal principal, IReadOnlyList<T> items, Func<T, string?> caseOf, CancellationToken ct)
    {
        if (SeesAll(principal) || items.Count == 0) return items;
        var found = await contacts.FindAsync(items.Select(caseOf).OfType<string>(), principal.Identity?.Name ?? "", ct);
        return items.Select(item => caseOf(item) is { } id && found.TryGetValue(id, out var contact) && !contact.Involved ? Hide(item, contact) : item).ToList();
    }

    /// <summary>
    /// The item with the customer's phone and email taken out, by where they stand, never by matching text: the customer's
    /// fields removed, every field named for a phone or an email (a form's <c>receiverPhone</c>, a survey's <c>contactEmail</c>)
    /// hidden whatever it holds, and the customer's address hidden in mail recipient lists, which only the platform writes.
    /// Text a person typed (a cost's note, a reason) is left as typed: masking it by value would tell a caller whether a
    /// guess is the customer's phone, and would garble ids and dates that happen to contain a short phone.
    /// </summary>
    private static T Hide<T>(T item, CaseContact contact)
    {
        string[] addresses = [.. new[] { contact.Email }.OfType<string>().Where(s => s.Length > 0)];
        var json = JsonSerializer.SerializeToNode(item, JsonSerializerOptions.Web)!;
        if (json["customer"] is JsonObject customer)
        {
            foreach (var field in CustomerFields) customer.Remove(field);
            customer["redacted"] = new JsonArray([.. CustomerFields.Select(f => (JsonNode)f)]);
        }
        Mask(json, addresses);
        return json.Deserialize<T>(JsonSerializerOptions.Web)!;
    }

    private static void Mask(JsonNode node, string[] addresses)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                    if (IsContactField(key) && value is JsonValue v && v.TryGetValue<string>(out _)) o[key] = Hidden;
                    else if (key.Equals("recipients", StringComparison.OrdinalIgnoreCase) && value is JsonArray list) MaskRecipients(list, addresses);
                    else if (value is not null) Mask(value, addresses);
                break;
            case JsonArray a:
                foreach (var child in a) if (child is not null) Mask(child, addresses);
                break;
        }
    }

    private static bool IsContactField(string key) =>
        key.EndsWith("phone", StringComparison.OrdinalIgnoreCase) || key.EndsWith("email", StringComparison.OrdinalIgnoreCase);

    private static void MaskRecipients(JsonArray recipients, string[] addresses)
    {
        for (var i = 0; i < recipients.Count; i++)
            if (recipients[i] is JsonValue v && v.TryGetValue<string>(out var address)
                && addresses.Any(a => a.Equals(address.Trim(), StringComparison.OrdinalIgnoreCase)))
                recipients[i] = Hidden;
    }
}
