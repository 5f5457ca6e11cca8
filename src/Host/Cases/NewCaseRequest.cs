using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Host.Http;
using AfterSales.Persistence.Cases;

namespace AfterSales.Host.Cases;

/// <summary>
/// <c>POST /api/cases</c>: <c>{kind, channel, customer: {name, company, phone, email, region}, product: {model, serial,
/// shipDate, warrantyEnd}, quantities: {hosts, accessories}, description, owner}</c>. Every field is checked before
/// anything is written.
/// </summary>
internal sealed record NewCaseRequest(
    string Kind, string Channel, CaseCustomer Customer, CaseProduct Product, int Hosts, int Accessories, string Description, string? Owner)
{
    public const int MaxQuantity = 1_000_000;

    /// <summary>The request, or the errors by field path.</summary>
    public static (NewCaseRequest? Request, Dictionary<string, string[]> Errors) Read(JsonNode? body)
    {
        var f = new FieldReader();
        var root = f.Object(body, "$", required: true);
        if (root is null) return (null, f.Errors);

        var kind = f.OneOf(root, "kind", "kind", CaseKinds.All, required: true);
        var channel = f.OneOf(root, "channel", "channel", CaseChannels.All, required: true);

        var c = f.Object(root["customer"], "customer", required: true);
        var name = f.Text(c, "name", "customer.name", required: true);
        var company = f.Text(c, "company", "customer.company", required: false);
        var phone = f.Text(c, "phone", "customer.phone", required: false, maxLength: 40);
        var email = f.Email(c, "email", "customer.email");
        var region = f.Text(c, "region", "customer.region", required: false);
        if (c is not null && phone is null && email is null && !f.Errors.ContainsKey("customer.phone") && !f.Errors.ContainsKey("customer.email"))
            f.Fail("customer.phone", "is required when there is no customer.email: give a way to reach the customer");

        var p = f.Object(root["product"], "product", required: false);
        var model = f.Text(p, "model", "product.model", required: false);
        var serial = f.Text(p, "serial", "product.serial", required: false);
        var shipDate = f.Date(p, "shipDate", "product.shipDate");
        var warrantyEnd = f.Date(p, "warrantyEnd", "product.warrantyEnd");
        if (shipDate > warrantyEnd) f.Fail("product.warrantyEnd", "must not be before product.shipDate");

        var q = f.Object(root["quantities"], "quantities", required: false);
        var hosts = f.Integer(q, "hosts", "quantities.hosts", 0, MaxQuantity, required: false) ?? 0;
        var accessories = f.Integer(q, "accessories", "quantities.accessories", 0, MaxQuantity, required: false) ?? 0;

        var description = f.Text(root, "description", "description", required: true, maxLength: 4000);
        var owner = f.Text(root, "owner", "owner", required: false, maxLength: 100);

        if (!f.IsValid) return (null, f.Errors);
        return (new NewCaseRequest(kind!, channel!, new CaseCustomer(name!, company, phone, email, region),
            new CaseProduct(model, serial, shipDate, warrantyEnd), hosts, accessories, description!, owner), f.Errors);
    }

    public CaseOpened Open(string caseId, string number, string? openedBy, DateTimeOffset at) =>
        new(caseId, number, Kind, Channel, Customer, Product, Hosts, Accessories, Description, openedBy, at);

    /// <summary>
    /// The workflow's input: what the processes in workflows-json declare (an input they do not declare is ignored)
    /// and the case itself as <c>case</c>, which <c>caseFile</c> reads until the case row exists.
    /// </summary>
    public JsonObject WorkflowInput(CaseOpened opened, string? owner)
    {
        var input = new JsonObject
        {
            ["caseId"] = opened.CaseId,
            ["caseNumber"] = opened.Number,
            ["channel"] = Channel,
            ["customerName"] = Customer.Name,
            ["description"] = Description,
            ["receivedAt"] = opened.At.ToUniversalTime().ToString("O"),
            ["hosts"] = Hosts,
            ["accessories"] = Accessories,
            // special_order counts sets; return_goods judges by the reason and the ship date.
            ["sets"] = Hosts,
            ["reason"] = Description,
            ["case"] = opened.ToCaseFile(),
        };
        // Absent rather than null: the workflows test these with `?? null` and String inputs must not be null.
        if (Customer.Email is { } email) input["customerEmail"] = email;
        if (Customer.Phone is { } phone) input["customerPhone"] = phone;
        if (Product.Model is { } model) input["productModel"] = model;
        if (Product.ShipDate is { } shipDate) input["shipDate"] = shipDate.ToString("yyyy-MM-dd");
        if (owner is not null) input["owner"] = owner;
        return input;
    }
}
