using System.Security.Claims;
using System.Text.Json.Nodes;
using AfterSales.Host.Auth;
using AfterSales.Host.Cases;
using AfterSales.Host.FollowUps;
using AfterSales.Host.Http;
using AfterSales.Host.Jobs;
using AfterSales.Persistence.FollowUps;
using AfterSales.Persistence.Instances;
using AfterSales.Persistence.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Customers;

/// <summary>A customer of a list, with how many products it has installed and when its next visit is due.</summary>
internal sealed record CustomerSummaryView(string Id, string Name, string? Company, string? Region, string? Email,
    bool KeyCustomer, string? VisitInterval, string Owner, DateTimeOffset CreatedAt, int Products,
        DateTimeOffset? NextVisitDue,
    IReadOnlyList<string> Redacted);

/// <summary>A customer with its next visit and its installed products, each with its next inspection.</summary>
internal sealed record CustomerDetailsView(string Id, string Name, string? Company, string? Region, string? Email,
    bool KeyCustomer, string? VisitInterval, string Owner, DateTimeOffset CreatedAt, FollowUpView? NextVisit,
    IReadOnlyList<InstalledProductDetailsView> Products, IReadOnlyList<string> Redacted);

/// <summary>An installed product with its next inspection (null until the daily job has planned it).</summary>
internal sealed record InstalledProductDetailsView(string Id, string CustomerId, string Model, string? Serial,
    DateOnly InstalledAt, string InspectionInterval, string Owner, FollowUpView? NextInspection);

/// <summary>
/// Reading and editing the customer register (creating is in <see cref="FollowUpEndpoints"/>). Any signed-in user reads
/// it: whoever visits or inspects needs the customer; the customer's email, personal data, only the roles that talk to
/// customers (<see cref="PersonalData.Roles"/>) and the customer's owner see (others get <c>"redacted": ["email"]</c>).
/// Editing needs <c>aftersales</c> or <c>admin</c>; an edit that changes a schedule reschedules the outstanding
/// follow-up
/// (<see cref="CustomerRegister"/>).
/// </summary>
internal static class CustomerEndpoints
{
    private static readonly string[] EmailRedacted = ["email"];

    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Follow-ups");
        customers.MapGet("/", ListCustomers).ProducesValidationProblem();
        customers.MapGet("/{customerId}", GetCustomer).ProducesProblem(StatusCodes.Status404NotFound);
        customers.MapPut("/{customerId}", UpdateCustomer).RequireAuthorization(Policies.AfterSalesEditor)
            .Accepts<NewCustomerRequest>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        customers.MapPut("/{customerId}/products/{productId}", UpdateProduct)
            .RequireAuthorization(Policies.AfterSalesEditor)
            .Accepts<NewInstalledProductRequest>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Customers by name; <paramref name="text"/> is part of the name, company or region (any case).</summary>
    public static async Task<Results<Ok<Page<CustomerSummaryView>>, ProblemHttpResult>> ListCustomers(
        CustomerRegister register,
        ClaimsPrincipal principal, CancellationToken cancellationToken, string? text = null, bool? keyCustomer = null,
        string? owner = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(errors, page, pageSize, CustomerRegister.MaxPageSize);
        if (errors.Count > 0) return Problems.BadRequest("The query is invalid", errors);
        var found = await register.ListAsync(new CustomerFilter(text?.Trim(), keyCustomer, owner, page, pageSize),
            cancellationToken);
        return TypedResults.Ok(new Page<CustomerSummaryView>([.. found.Items.Select(e => Summary(e, principal))],
            found.PageNumber, found.PageSize, found.Total));
    }

    public static async Task<Results<Ok<CustomerDetailsView>, ProblemHttpResult>> GetCustomer(string customerId,
        CustomerRegister register, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await register.GetAsync(customerId, cancellationToken) is { } file
            ? TypedResults.Ok(Details(file, principal))
            : NoSuchCustomer(customerId);

    /// <summary>
    /// The customer's fields as on creation (<c>{name, company, region, email, keyCustomer, visitInterval, owner}</c>),
    /// replacing the stored ones; an absent <c>owner</c> keeps the current one. A changed visit schedule reschedules
    /// the
    /// outstanding visit.
    /// </summary>
    public static async Task<Results<Ok<CustomerDetailsView>, ProblemHttpResult>> UpdateCustomer(string customerId,
        HttpRequest request, ClaimsPrincipal principal, CustomerRegister register, UserAccounts users,
            TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        if (await register.GetAsync(customerId,
            cancellationToken) is not { } current) return NoSuchCustomer(customerId);

        var f = new FieldReader();
        var root = f.Object(body, "$", required: true);
        var name = f.Text(root, "name", "name", required: true);
        var company = f.Text(root, "company", "company", required: false);
        var region = f.Text(root, "region", "region", required: false);
        var email = f.Email(root, "email", "email");
        var keyCustomer = f.Boolean(root, "keyCustomer", "keyCustomer") ?? false;
        var interval = FollowUpEndpoints.Interval(f, root, "visitInterval", required: keyCustomer);
        var owner = await OwnerAsync(f, root, current.Customer.Owner, users, cancellationToken);
        if (!f.IsValid) return Problems.BadRequest("The customer is invalid", f.Errors);

        var edited = new CustomerEntity
        {
            Id = customerId, Name = name!, Company = company, Region = region, Email = email, KeyCustomer = keyCustomer,
            VisitInterval = interval, Owner = owner,
        };
        return await register.UpdateCustomerAsync(edited, time.GetUtcNow(), cancellationToken) is { } file
            ? TypedResults.Ok(Details(file, principal))
            : NoSuchCustomer(customerId);
    }

    /// <summary>
    /// The product's fields as on creation (<c>{model, serial, installedAt, inspectionInterval, owner}</c>), replacing
    /// the
    /// stored ones; an absent <c>inspectionInterval</c> or <c>owner</c> keeps the current one. A changed interval or
    /// installation day reschedules the outstanding inspection.
    /// </summary>
    public static async Task<Results<Ok<InstalledProductDetailsView>,
        ProblemHttpResult>> UpdateProduct(string customerId,
        string productId, HttpRequest request, CustomerRegister register, UserAccounts users,
            IOptions<JobsOptions> jobs,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, malformed) = await request.ReadJsonBodyAsync(cancellationToken);
        if (malformed is not null) return malformed;
        var current = (await register.GetAsync(customerId,
            cancellationToken))?.Products.SingleOrDefault(p => p.Id == productId);
        if (current is null) return NoSuchProduct(customerId, productId);

        var f = new FieldReader();
        var root = f.Object(body, "$", required: true);
        var model = f.Text(root, "model", "model", required: true);
        var serial = f.Text(root, "serial", "serial", required: false);
        var installedAt = f.Date(root, "installedAt", "installedAt");
        if (installedAt is null && root?["installedAt"] is null) f.Fail("installedAt", "is required");
        var interval = FollowUpEndpoints.Interval(f, root, "inspectionInterval", required: false)
            ?? current.InspectionInterval;
        var owner = await OwnerAsync(f, root, current.Owner, users, cancellationToken);
        if (!f.IsValid) return Problems.BadRequest("The installed product is invalid", f.Errors);

        var edited = new InstalledProductEntity
        {
            Id = productId, CustomerId = customerId, Model = model!, Serial = serial, InstalledAt = installedAt!.Value,
            InspectionInterval = interval, Owner = owner,
        };
        var file = await register.UpdateProductAsync(edited, jobs.Value.FindTimeZone(), time.GetUtcNow(),
            cancellationToken);
        var product = file?.Products.SingleOrDefault(p => p.Id == productId);
        return product is null ? NoSuchProduct(customerId, productId) : TypedResults.Ok(ProductDetails(product, file!));
    }

    /// <summary>The owner the body names (a user), else <paramref name="current"/>.</summary>
    private static async Task<string> OwnerAsync(FieldReader f, JsonObject? root, string current, UserAccounts users,
        CancellationToken cancellationToken)
    {
        var owner = f.Text(root, "owner", "owner", required: false);
        if (owner is null) return current;
        if (await users.FindAsync(owner, cancellationToken) is null) f.Fail("owner", $"there is no user '{owner}'");
        return owner;
    }

    private static CustomerSummaryView Summary(CustomerListEntry entry, ClaimsPrincipal principal)
    {
        var c = entry.Customer;
        var seesEmail = SeesEmail(principal, c);
        return new CustomerSummaryView(c.Id, c.Name, c.Company, c.Region, seesEmail ? c.Email : null, c.KeyCustomer,
            FollowUpEndpoints.Iso(c.VisitInterval), c.Owner, c.CreatedAt, entry.Products, entry.NextVisitDue,
            seesEmail ? [] : EmailRedacted);
    }

    private static CustomerDetailsView Details(CustomerFile file, ClaimsPrincipal principal)
    {
        var c = file.Customer;
        var seesEmail = SeesEmail(principal, c);
        var visit = file.Outstanding.FirstOrDefault(f => f.SubjectId == c.Id);
        return new CustomerDetailsView(c.Id, c.Name, c.Company, c.Region, seesEmail ? c.Email : null, c.KeyCustomer,
            FollowUpEndpoints.Iso(c.VisitInterval), c.Owner, c.CreatedAt, visit is null ? null
                : FollowUpEndpoints.View(visit),
            [.. file.Products.Select(p => ProductDetails(p, file))], seesEmail ? [] : EmailRedacted);
    }

    private static InstalledProductDetailsView ProductDetails(InstalledProductEntity p, CustomerFile file)
    {
        var inspection = file.Outstanding.FirstOrDefault(f => f.SubjectId == p.Id);
        return new InstalledProductDetailsView(p.Id, p.CustomerId, p.Model, p.Serial, p.InstalledAt,
            FollowUpEndpoints.Iso(p.InspectionInterval)!, p.Owner, inspection is null ? null
                : FollowUpEndpoints.View(inspection));
    }

    // Like a case's customer: the roles that talk to customers, and whoever owns the customer.
    private static bool SeesEmail(ClaimsPrincipal principal, CustomerEntity customer) =>
        PersonalData.SeesAll(principal) || principal.Identity?.Name == customer.Owner;

    private static ProblemHttpResult NoSuchCustomer(string customerId) =>
        Problems.NotFound($"There is no customer '{customerId}'.");

    private static ProblemHttpResult NoSuchProduct(string customerId, string productId) =>
        Problems.NotFound($"Customer '{customerId}' has no installed product '{productId}'.");
}
