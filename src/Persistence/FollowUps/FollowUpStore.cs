using Microsoft.EntityFrameworkCore;

namespace AfterSales.Persistence.FollowUps;

/// <summary>How marking a follow-up done went.</summary>
public enum FollowUpCompletionStatus
{
    /// <summary>
    /// Marked done; <see cref="FollowUpCompletion.FollowUp"/> is the subject's next one, or the done one when the
    /// subject has no interval.
    /// </summary>
    Done,
    AlreadyDone,
    NotFound,
}

public sealed record FollowUpCompletion(FollowUpCompletionStatus Status, FollowUpEntity? FollowUp);

/// <summary>
/// A listed follow-up with what it is about, as a person recognises it: the customer (visited, or owning the inspected
/// product) and the product's model and serial. Null when the subject is gone.
/// </summary>
public sealed record FollowUpListEntry(FollowUpEntity FollowUp, string? CustomerId, string? Customer, string? Product);

/// <summary>The customer and installed-product register and the follow-ups, as the API reads and writes them.</summary>
public sealed class FollowUpStore(IDbContextFactory<AfterSalesDbContext> contexts)
{
    public const int ListedAtMost = 500;

    public async Task<bool> UserExistsAsync(string userName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken);
    }

    public async Task<CustomerEntity?> FindCustomerAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public async Task AddCustomerAsync(CustomerEntity customer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddProductAsync(InstalledProductEntity product, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.InstalledProducts.Add(product);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Follow-ups by due date with their subjects, at most <see cref="ListedAtMost"/>; null filters are not applied.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpListEntry>> ListAsync(string? status, string? owner,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.FollowUps.AsNoTracking();
        if (status is not null) query = query.Where(x => x.Status == status);
        if (owner is not null) query = query.Where(x => x.Owner == owner);
        var followUps = await query.OrderBy(x => x.DueAt).ThenBy(x => x.Id).Take(ListedAtMost)
            .ToListAsync(cancellationToken);

        // Subjects are not foreign keys (a follow-up names a customer or a product by kind): read them by id.
        var productIds = followUps.Where(f => f.Kind != FollowUpRule.Visit).Select(f => f.SubjectId).Distinct().ToList();
        var products = await db.InstalledProducts.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, p.CustomerId, p.Model, p.Serial })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var customerIds = followUps.Where(f => f.Kind == FollowUpRule.Visit).Select(f => f.SubjectId)
            .Concat(products.Values.Select(p => p.CustomerId)).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        return [.. followUps.Select(f =>
        {
            if (f.Kind == FollowUpRule.Visit)
                return new FollowUpListEntry(f, f.SubjectId, customers.GetValueOrDefault(f.SubjectId), null);
            if (!products.TryGetValue(f.SubjectId, out var p)) return new FollowUpListEntry(f, null, null, null);
            var product = p.Serial is { Length: > 0 } serial ? $"{p.Model} {serial}" : p.Model;
            return new FollowUpListEntry(f, p.CustomerId, customers.GetValueOrDefault(p.CustomerId), product);
        })];
    }

    /// <summary>The follow-up's owner, or null when there is no such follow-up.</summary>
    public async Task<string?> OwnerAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FollowUps.Where(x => x.Id == id).Select(x => x.Owner).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Marks the follow-up done at <paramref name="now"/> and, in the same transaction, writes its subject's next one
    /// by <see cref="FollowUpRule"/>, counting from this completion. A subject without an interval (no longer a key
    /// customer, or gone) gets none.
    /// </summary>
    public async Task<FollowUpCompletion> MarkDoneAsync(long id, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The row lock makes a second, concurrent completion find it done.
        if (await db.FollowUps.Where(x => x.Id == id && x.Status != FollowUpRule.Done)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, FollowUpRule.Done)
                    .SetProperty(x => x.DoneAt, now), cancellationToken) == 0)
            return new FollowUpCompletion(await db.FollowUps.AnyAsync(x => x.Id == id, cancellationToken)
                ? FollowUpCompletionStatus.AlreadyDone
                : FollowUpCompletionStatus.NotFound, null);
        var done = await db.FollowUps.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);

        TimeSpan? interval;
        string owner;
        if (done.Kind == FollowUpRule.Visit)
        {
            var customer = await db.Customers.AsNoTracking()
                .SingleOrDefaultAsync(c => c.Id == done.SubjectId, cancellationToken);
            interval = customer is { KeyCustomer: true } ? customer.VisitInterval : null;
            owner = customer?.Owner ?? done.Owner;
        }
        else
        {
            var product = await db.InstalledProducts.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Id == done.SubjectId, cancellationToken);
            (interval, owner) = (product?.InspectionInterval, product?.Owner ?? done.Owner);
        }
        FollowUpEntity? next = null;
        if (interval is { } every)
        {
            var written = await db.FollowUps.LongCountAsync(x => x.Kind == done.Kind && x.SubjectId == done.SubjectId,
                cancellationToken);
            next = FollowUpRule.Next(done.Kind, done.SubjectId, owner, every, countsFrom: now, written, now);
            db.FollowUps.Add(next);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new FollowUpCompletion(FollowUpCompletionStatus.Done, next ?? done);
    }
}
