using System.Text.Json.Nodes;

namespace AfterSales.Cases;

/// <summary>
/// A new case, passed by the caller as an initial effect of its workflow's start (<c>WorkflowRuntime.StartAsync(…,
/// correlationId: CaseId, initialEffects: [caseOpened])</c>): the case store inserts the case row in the
/// same transaction as the instance, so there is never a case without its workflow or the other way round.
/// </summary>
[EffectName("case.opened")]
public sealed record CaseOpened(
    string CaseId,
    string Number,
    string Kind,
    string Channel,
    CaseCustomer Customer,
    CaseProduct Product,
    int Hosts,
    int Accessories,
    string? Description,
    string? OpenedBy,
    DateTimeOffset At)
{
    /// <summary>The request's idempotency key, stored in the case's transaction; null when the caller sent none.</summary>
    public CaseRequestKey? RequestKey { get; init; }

    /// <summary>The case as workflows see it (the <c>caseFile</c> global), before its row exists: status <c>open</c>, no owner.</summary>
    public JsonObject ToCaseFile() => CaseFile.Build(CaseId, Number, Kind, Channel, Customer.ToJson(), Product.ToJson(), Hosts, Accessories,
        Description, CaseStatuses.Open, owner: null, escalationLevel: 0);
}

public sealed record CaseCustomer(string Name, string? Company, string? Phone, string? Email, string? Region)
{
    public JsonObject ToJson() => new()
    {
        ["name"] = Name, ["company"] = Company, ["phone"] = Phone, ["email"] = Email, ["region"] = Region,
    };
}

/// <summary>Dates are calendar dates (<c>yyyy-MM-dd</c>).</summary>
public sealed record CaseProduct(string? Model, string? Serial, DateOnly? ShipDate, DateOnly? WarrantyEnd)
{
    public JsonObject ToJson() => new()
    {
        ["model"] = Model, ["serial"] = Serial,
        ["shipDate"] = ShipDate?.ToString("yyyy-MM-dd"), ["warrantyEnd"] = WarrantyEnd?.ToString("yyyy-MM-dd"),
    };
}

/// <summary>The codes a case's fields take.</summary>
public static class CaseKinds
{
    public static readonly IReadOnlyList<string> All = ["complaint", "return_item", "special_order", "return_goods"];
}

public static class CaseChannels
{
    public static readonly IReadOnlyList<string> All = ["phone", "email", "web", "visit", "letter"];
}

/// <summary>The <c>Idempotency-Key</c> of the request that opens a case, stored with the case in its transaction.</summary>
public sealed record CaseRequestKey(string UserName, string Key, string RequestHash);

/// <summary>The shape of the <c>caseFile</c> expression global and of the <c>case</c> workflow input.</summary>
public static class CaseFile
{
    public static JsonObject Build(string id, string number, string kind, string channel, JsonNode? customer, JsonNode? product,
        int hosts, int accessories, string? description, string status, string? owner, int escalationLevel) => new()
    {
        ["id"] = id,
        ["number"] = number,
        ["kind"] = kind,
        ["channel"] = channel,
        ["customer"] = customer,
        ["product"] = product,
        ["quantities"] = new JsonObject { ["hosts"] = hosts, ["accessories"] = accessories },
        ["description"] = description,
        ["status"] = status,
        ["owner"] = owner,
        ["escalationLevel"] = escalationLevel,
    };
}
