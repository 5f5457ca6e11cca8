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
/// Everyone else sees the case without them: removed from the customer, and wherever else they appear as text (a form,
/// a timeline line, a mail's recipients) replaced by <see cref="Hidden"/>. README: "Who sees personal data".
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

    /// <summary>The item with the customer's phone and email taken out: the customer object's fields removed, any text holding them masked.</summary>
    private static T Hide<T>(T item, CaseContact contact)
    {
        string[] secrets = [.. new[] { contact.Phone, contact.Email }.OfType<string>().Where(s => s.Length > 0)];
        var json = JsonSerializer.SerializeToNode(item, JsonSerializerOptions.Web)!;
        if (json["customer"] is JsonObject customer)
        {
            foreach (var field in CustomerFields) customer.Remove(field);
            customer["redacted"] = new JsonArray([.. CustomerFields.Select(f => (JsonNode)f)]);
        }
        Mask(json, secrets);
        return json.Deserialize<T>(JsonSerializerOptions.Web)!;
    }

    private static void Mask(JsonNode node, string[] secrets)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                    if (value is JsonValue v && v.TryGetValue<string>(out var text)) o[key] = MaskText(text, secrets);
                    else if (value is not null) Mask(value, secrets);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var text)) a[i] = MaskText(text, secrets);
                    else if (a[i] is { } child) Mask(child, secrets);
                break;
        }
    }

    private static string MaskText(string text, string[] secrets)
    {
        foreach (var secret in secrets) text = text.Replace(secret, Hidden, StringComparison.OrdinalIgnoreCase);
        return text;
    }
}
