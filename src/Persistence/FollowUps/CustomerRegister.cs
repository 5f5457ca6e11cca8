using AfterSales.Persistence.Instances;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Persistence.FollowUps;

/// <summary>What to list: every given criterion must match; <see cref="Text"/> is part of the name, company or
/// region.</summary>
public sealed record CustomerFilter(string? Text = null, bool? KeyCustomer = null, string? Owner = null, int Page = 1,
    int PageSize = 50);

/// <summary>A customer of a list, with how many products it has installed and when its next visit is due.</summary>
public sealed record CustomerListEntry(CustomerEntity Customer, int Products, DateTimeOffset? NextVisitDue);

/// <summary>A customer with its installed products and the follow-ups still to do (open or escalated) of
/// each.</summary>
public sealed record CustomerFile(CustomerEntity Customer, IReadOnlyList<InstalledProductEntity> Products,
    IReadOnlyList<FollowUpEntity> Outstanding);

/// <summary>
/// Reading and editing the customer register. An edit that changes when a subject is next due (its interval, a
/// product's installation day, a customer becoming or ceasing to be a key customer) replaces the subject's outstanding
/// follow-up by one the follow-up rule writes (docs/jobs.md: due the last completion, else the start, + the interval),
/// in
/// the same transaction; being new, it is reminded and escalated afresh. A subject with nothing outstanding is left to
/// the
/// daily job, which writes by the same rule.
/// </summary>
public sealed class CustomerRegister(IDbContextFactory<AfterSalesDbContext> contexts)
{
    public const int MaxPageSize = 500;

    /// <summary>One page of customers by name, then company.</summary>
    public async Task<Page<CustomerListEntry>> ListAsync(CustomerFilter filter,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Customers.AsNoTracking();
        if (filter.Text is { Length: > 0 } text)
        {
            // Contains is translated to strpos, so % and _ in the text match themselves.
            var lower = text.ToLowerInvariant();
            query = query.Where(c => c.Name.ToLower().Contains(lower) || (c.Company != null
                && c.Company.ToLower().Contains(lower))
                || (c.Region != null && c.Region.ToLower().Contains(lower)));
        }
        if (filter.KeyCustomer is { } key) query = query.Where(c => c.KeyCustomer == key);
        if (filter.Owner is { } owner) query = query.Where(c => c.Owner == owner);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Name).ThenBy(c => c.Company).ThenBy(c => c.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(c => new CustomerListEntry(c,
                db.InstalledProducts.Count(p => p.CustomerId == c.Id),
                db.FollowUps.Where(f => f.Kind == FollowUpRule.Visit && f.SubjectId == c.Id
                    && f.Status != FollowUpRule.Done)
                    .Min(f => (DateTimeOffset?)f.DueAt)))
            .ToListAsync(cancellationToken);
        return new Page<CustomerListEntry>(items, filter.Page, filter.PageSize, total);
    }

    public async Task<CustomerFile?> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, customerId, cancellationToken);
    }

    /// <summary>
    /// Replaces the customer's editable fields with <paramref name="edited"/>'s (not its id or creation) and
    /// reschedules
    /// its outstanding visit when its visit schedule changed; answers the customer as stored, null when there is none.
    /// </summary>
    public async Task<CustomerFile?> UpdateCustomerAsync(CustomerEntity edited, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The row lock keeps two editors from rescheduling from the same old state.
        var customer = await db.Customers
            .FromSql($"select * from aftersales.customers where id = {edited.Id} for update")
            .SingleOrDefaultAsync(cancellationToken);
        if (customer is null) return null;
        var every = VisitEvery(customer);
        customer.Name = edited.Name;
        customer.Company = edited.Company;
        customer.Region = edited.Region;
        customer.Email = edited.Email;
        customer.KeyCustomer = edited.KeyCustomer;
        customer.VisitInterval = edited.VisitInterval;
        customer.Owner = edited.Owner;
        await db.SaveChangesAsync(cancellationToken);

        await FollowOwnerAsync(db, FollowUpRule.Visit, customer.Id, customer.Owner, cancellationToken);
        if (VisitEvery(customer) != every)
            await RescheduleAsync(db, FollowUpRule.Visit, customer.Id, customer.Owner, VisitEvery(customer),
                customer.CreatedAt,
                now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ReadAsync(db, customer.Id, cancellationToken);
    }

    /// <summary>
    /// Replaces the product's editable fields with <paramref name="edited"/>'s (not its id or customer) and reschedules
    /// its outstanding inspection when its interval or installation day changed; a product's start is its installation
    /// day's midnight in <paramref name="zone"/> (the jobs' time zone). Answers null when the customer has no such
    /// product.
    /// </summary>
    public async Task<CustomerFile?> UpdateProductAsync(InstalledProductEntity edited, TimeZoneInfo zone,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await db.InstalledProducts
            .FromSql($"select * from aftersales.installed_products where id = {edited.Id} for update")
            .SingleOrDefaultAsync(cancellationToken);
        if (product is null || product.CustomerId != edited.CustomerId) return null;
        var (every, installedAt) = (product.InspectionInterval, product.InstalledAt);
        product.Model = edited.Model;
        product.Serial = edited.Serial;
        product.InstalledAt = edited.InstalledAt;
        product.InspectionInterval = edited.InspectionInterval;
        product.Owner = edited.Owner;
        await db.SaveChangesAsync(cancellationToken);

        await FollowOwnerAsync(db, FollowUpRule.Inspection, product.Id, product.Owner, cancellationToken);
        if (product.InspectionInterval != every || product.InstalledAt != installedAt)
            await RescheduleAsync(db, FollowUpRule.Inspection, product.Id, product.Owner, product.InspectionInterval,
                FollowUpRule.InstallationStart(product.InstalledAt, zone), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ReadAsync(db, product.CustomerId, cancellationToken);
    }

    // Only key customers are visited.
    private static TimeSpan? VisitEvery(CustomerEntity customer) => customer.KeyCustomer ? customer.VisitInterval
        : null;

    private static async Task<CustomerFile?> ReadAsync(AfterSalesDbContext db, string customerId,
        CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId,
            cancellationToken);
        if (customer is null) return null;
        var products = await db.InstalledProducts.AsNoTracking().Where(p => p.CustomerId == customerId)
            .OrderBy(p => p.InstalledAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var productIds = products.Select(p => p.Id).ToList();
        var outstanding = await db.FollowUps.AsNoTracking()
            .Where(f => f.Status != FollowUpRule.Done
                && (f.Kind == FollowUpRule.Visit && f.SubjectId == customerId
                    || f.Kind == FollowUpRule.Inspection && productIds.Contains(f.SubjectId)))
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return new CustomerFile(customer, products, outstanding);
    }

    // The outstanding follow-up goes to whoever the subject's follow-ups go to now.
    private static Task<int> FollowOwnerAsync(AfterSalesDbContext db, string kind, string subjectId, string owner,
        CancellationToken cancellationToken) =>
        db.FollowUps.Where(f => f.Kind == kind && f.SubjectId == subjectId && f.Status != FollowUpRule.Done
            && f.Owner != owner)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Owner, owner), cancellationToken);

    /// <summary>
    /// Replaces the subject's outstanding follow-up, if it has one, by the next one the rule writes: due the last
    /// completion (else <paramref name="start"/>) + <paramref name="every"/>, numbered after those it keeps. Without an
    /// interval (no longer a key customer) the subject gets none.
    /// </summary>
    private static async Task RescheduleAsync(AfterSalesDbContext db, string kind, string subjectId, string owner,
        TimeSpan? every, DateTimeOffset start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ofSubject = db.FollowUps.Where(f => f.Kind == kind && f.SubjectId == subjectId);
        var replaced = await ofSubject.Where(f => f.Status != FollowUpRule.Done).ExecuteDeleteAsync(cancellationToken);
        if (replaced == 0 || every is not { } interval) return;
        var lastDone = await ofSubject.MaxAsync(f => f.DoneAt, cancellationToken);
        var kept = await ofSubject.LongCountAsync(cancellationToken);
        var next = FollowUpRule.Next(kind, subjectId, owner, interval, FollowUpRule.CountsFrom(lastDone, start), kept,
            now);
        // PostgreSQL takes timestamptz values in UTC only; a product's start has its zone's offset.
        next.DueAt = next.DueAt.ToUniversalTime();
        db.FollowUps.Add(next);
        await db.SaveChangesAsync(cancellationToken);
    }
}
