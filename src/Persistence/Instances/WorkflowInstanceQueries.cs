using System.Linq.Expressions;
using AfterSales.Persistence.Runtime;
using AfterSales.Workflows;
using AfterSales.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Persistence.Instances;

/// <summary>Read-only views of instances for lists and detail pages.</summary>
public sealed class WorkflowInstanceQueries(IDbContextFactory<AfterSalesDbContext> contexts)
{
    /// <summary>The largest page served, whatever is asked: a list page is for people, not for exports.</summary>
    public const int MaxPageSize = 500;

    private static readonly Expression<Func<WorkflowInstanceEntity, InstanceSummary>> ToSummary = i =>
        new InstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.CorrelationId, i.CreatedAt, i.UpdatedAt, i.FinishedAt);

    private static readonly Func<WorkflowInstanceEntity, InstanceSummary> Summary = ToSummary.Compile();

    /// <summary>Instances matching the filter, newest first. An unknown status matches nothing.</summary>
    public async Task<Page<InstanceSummary>> ListAsync(InstanceFilter filter, CancellationToken ct = default)
    {
        var page = Math.Max(1, filter.Page);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Instances.AsNoTracking();
        if (filter.DefinitionId is { } definitionId) query = query.Where(i => i.DefinitionId == definitionId);
        if (filter.Status is { } status)
        {
            // Stored as the enum's name; accept "suspended" as well as "Suspended".
            var name = Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var parsed) ? parsed.ToString() : status;
            query = query.Where(i => i.Status == name);
        }
        if (filter.CorrelationId is { } correlationId) query = query.Where(i => i.CorrelationId == correlationId);

        var total = await query.LongCountAsync(ct);
        var items = total == 0 ? [] : await query
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(ToSummary)
            .ToListAsync(ct);
        return new Page<InstanceSummary>(items, page, pageSize, total);
    }

    /// <summary>The instance with its state, pending bookmarks, journal and incidents; null when unknown.</summary>
    public async Task<InstanceDetails?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return null;
        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToListAsync(ct);
        var state = WorkflowStateJson.Deserialize(row.State);
        return new InstanceDetails(Summary(row), state, state.Bookmarks, journal.Select(ToEntry).ToList(), state.Incidents);
    }

    private static JournalEntry ToEntry(WorkflowJournalEntity j) =>
        new(j.InstanceId, j.Sequence, j.ActivityId, j.ActivityType, j.Kind, j.StartedAt, j.EndedAt, j.Outcome,
            BurstCommands.ReadValues(j.Inputs), BurstCommands.ReadValues(j.Outputs), j.Error);
}
