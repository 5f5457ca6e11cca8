using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AfterSales.Host.Auth;
using AfterSales.Host.Http;
using AfterSales.Persistence.FollowUps;
using AfterSales.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.FollowUps;

internal sealed record CustomerView(string Id, string Name, string? Company, string? Region, string? Email, bool KeyCustomer,
    string? VisitInterval, string Owner, DateTimeOffset CreatedAt);

internal sealed record InstalledProductView(string Id, string CustomerId, string Model, string? Serial, DateOnly InstalledAt,
    string InspectionInterval, string Owner);

internal sealed record FollowUpView(long Id, string Kind, string SubjectId, DateTimeOffset DueAt, string Owner, string Status,
    DateTimeOffset? DoneAt, string EventKey, DateTimeOffset CreatedAt);

/// <summary>
/// A follow-up of the list with what it is about: <see cref="Customer"/> (its name; the customer visited, or owning the
/// product) and <see cref="Product"/> (model and serial, inspections only); null when the subject is gone.
/// </summary>
internal sealed record FollowUpListItemView(long Id, string Kind, string SubjectId, string? CustomerId, string? Customer,
    string? Product, DateTimeOffset DueAt, string Owner, string Status, DateTimeOffset? DoneAt, string EventKey,
    DateTimeOffset CreatedAt);

/// <summary>The customer and installed-product register, and the periodic visits and inspections <see cref="FollowUpJob"/> plans.</summary>
internal static partial class FollowUpEndpoints
{
    public static readonly IReadOnlyList<string> Statuses =
        [FollowUpRule.Open, FollowUpRule.Done, FollowUpRule.Escalated];
    private static readonly TimeSpan DefaultInspectionInterval = TimeSpan.FromDays(182);
    private const int MaxIntervalDays = 3650;

    public static void MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Follow-ups");
        customers.MapPost("/", CreateCustomer).RequireAuthorization(Policies.AfterSalesEditor).Accepts<NewCustomerRequest>("application/json").ProducesValidationProblem();
        customers.MapPost("/{customerId}/products", AddProduct).RequireAuthorization(Policies.AfterSalesEditor).Accepts<NewInstalledProductRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        var followUps = app.MapGroup("/api/follow-ups").WithTags("Follow-ups");
        followUps.MapGet("/", ListFollowUps).ProducesValidationProblem();
        followUps.MapPost("/{id:long}/done", MarkDone).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary><c>{name, company, region, email, keyCustomer, visitInterval: "P90D", owner}</c>; a key customer needs a visit interval.</summary>
    public static async Task<Results<Created<CustomerView>, ProblemHttpResult>> CreateCustomer(HttpRequest request,
        ClaimsPrincipal principal, FollowUpStore store, IIdGenerator ids, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var f = new FieldReader();
        var root = f.Object(body, "$", required: true);
        var name = f.Text(root, "name", "name", required: true);
        var company = f.Text(root, "company", "company", required: false);
        var region = f.Text(root, "region", "region", required: false);
        var email = f.Email(root, "email", "email");
        var keyCustomer = f.Boolean(root, "keyCustomer", "keyCustomer") ?? false;
        var interval = Interval(f, root, "visitInterval", required: keyCustomer);
        var owner = f.Text(root, "owner", "owner", required: false) ?? principal.Identity?.Name;
        await CheckOwnerAsync(f, store, owner, cancellationToken);
        if (!f.IsValid) return Problems.BadRequest("The customer is invalid", f.Errors);

        var customer = new CustomerEntity
        {
            Id = ids.NewId(), Name = name!, Company = company, Region = region, Email = email, KeyCustomer = keyCustomer,
            VisitInterval = interval, Owner = owner!, CreatedAt = time.GetUtcNow(),
        };
        await store.AddCustomerAsync(customer, cancellationToken);
        return TypedResults.Created($"/api/customers/{customer.Id}", new CustomerView(customer.Id, customer.Name, customer.Company, customer.Region,
            customer.Email, customer.KeyCustomer, Iso(customer.VisitInterval), customer.Owner, customer.CreatedAt));
    }

    /// <summary><c>{model, serial, installedAt: "2026-05-01", inspectionInterval: "P182D" (default), owner (default: the customer's)}</c>.</summary>
    public static async Task<Results<Created<InstalledProductView>, ProblemHttpResult>> AddProduct(string customerId,
        HttpRequest request, FollowUpStore store, IIdGenerator ids, CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var customer = await store.FindCustomerAsync(customerId, cancellationToken);
        if (customer is null) return Problems.NotFound($"There is no customer '{customerId}'.");

        var f = new FieldReader();
        var root = f.Object(body, "$", required: true);
        var model = f.Text(root, "model", "model", required: true);
        var serial = f.Text(root, "serial", "serial", required: false);
        var installedAt = f.Date(root, "installedAt", "installedAt");
        if (installedAt is null && root?["installedAt"] is null) f.Fail("installedAt", "is required");
        var interval = Interval(f, root, "inspectionInterval", required: false) ?? DefaultInspectionInterval;
        var owner = f.Text(root, "owner", "owner", required: false) ?? customer.Owner;
        await CheckOwnerAsync(f, store, owner, cancellationToken);
        if (!f.IsValid) return Problems.BadRequest("The installed product is invalid", f.Errors);

        var product = new InstalledProductEntity
        {
            Id = ids.NewId(), CustomerId = customerId, Model = model!, Serial = serial, InstalledAt = installedAt!.Value,
            InspectionInterval = interval, Owner = owner,
        };
        await store.AddProductAsync(product, cancellationToken);
        return TypedResults.Created($"/api/customers/{customerId}/products/{product.Id}", new InstalledProductView(product.Id, product.CustomerId,
            product.Model, product.Serial, product.InstalledAt, Iso(product.InspectionInterval)!, product.Owner));
    }

    public static async Task<Results<Ok<FollowUpListItemView[]>, ProblemHttpResult>> ListFollowUps(FollowUpStore store,
        CancellationToken cancellationToken, string? status = null, string? owner = null)
    {
        if (status is not null && !Statuses.Contains(status))
            return Problems.BadRequest("The query is invalid", "status", $"'{status}' is not one of: {string.Join(", ", Statuses)}");
        var list = await store.ListAsync(status, owner, cancellationToken);
        return TypedResults.Ok(list.Select(e => new FollowUpListItemView(e.FollowUp.Id, e.FollowUp.Kind,
            e.FollowUp.SubjectId, e.CustomerId, e.Customer, e.Product, e.FollowUp.DueAt, e.FollowUp.Owner,
            e.FollowUp.Status, e.FollowUp.DoneAt, e.FollowUp.EventKey, e.FollowUp.CreatedAt)).ToArray());
    }

    /// <summary>
    /// Marks the follow-up done now and writes the next one of its subject, due now + the subject's interval: answers that
    /// one. Only its owner, who made the visit or inspection, says so, or whoever manages them (<see cref="MayClose"/>).
    /// </summary>
    public static async Task<Results<Ok<FollowUpView>, ProblemHttpResult>> MarkDone(long id, ClaimsPrincipal principal,
        FollowUpStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var currentOwner = await store.OwnerAsync(id, cancellationToken);
        if (currentOwner is null) return Problems.NotFound($"There is no follow-up {id}.");
        if (!MayClose(principal, currentOwner))
            return Problems.Forbidden(
                $"Follow-up {id} is {currentOwner}'s: only its owner, an aftersales_manager or an admin "
                + "marks it done.");
        var completion = await store.MarkDoneAsync(id, now, cancellationToken);
        return completion.Status switch
        {
            FollowUpCompletionStatus.Done => TypedResults.Ok(View(completion.FollowUp!)),
            FollowUpCompletionStatus.AlreadyDone => Problems.Conflict($"Follow-up {id} is done already."),
            _ => Problems.NotFound($"There is no follow-up {id}."),
        };
    }

    /// <summary>The owner, or a role that manages follow-ups: the manager reassigns and closes them, the admin runs the install.</summary>
    private static bool MayClose(ClaimsPrincipal principal, string owner) =>
        principal.Identity?.Name == owner || principal.IsInRole("aftersales_manager") || principal.IsInRole(Roles.Admin);

    internal static FollowUpView View(FollowUpEntity x) => new(x.Id, x.Kind, x.SubjectId, x.DueAt, x.Owner, x.Status, x.DoneAt, x.EventKey, x.CreatedAt);

    /// <summary>An ISO 8601 duration in days or weeks (<c>P90D</c>, <c>P26W</c>): months and years have no fixed length.</summary>
    internal static TimeSpan? Interval(FieldReader f, JsonObject? root, string name, bool required)
    {
        var text = f.Text(root, name, name, required);
        if (text is null) return null;
        var match = DurationPattern().Match(text.ToUpperInvariant());
        if (!match.Success)
        {
            f.Fail(name, $"'{text}' is not a duration in days or weeks: write e.g. P90D (about 3 months) or P26W");
            return null;
        }
        var days = long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) * (match.Groups["unit"].Value == "W" ? 7 : 1);
        if (days is < 1 or > MaxIntervalDays)
        {
            f.Fail(name, $"must be from P1D to P{MaxIntervalDays}D");
            return null;
        }
        return TimeSpan.FromDays(days);
    }

    internal static string? Iso(TimeSpan? interval) => interval is { } i ? $"P{(long)i.TotalDays}D" : null;

    private static async Task CheckOwnerAsync(FieldReader f, FollowUpStore store, string? owner,
        CancellationToken cancellationToken)
    {
        if (owner is null) f.Fail("owner", "is required");
        else if (!await store.UserExistsAsync(owner, cancellationToken)) f.Fail("owner", $"there is no user '{owner}'");
    }

    [GeneratedRegex(@"^P(?<n>\d{1,6})(?<unit>[DW])$")]
    private static partial Regex DurationPattern();
}
