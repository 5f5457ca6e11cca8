using System.Linq.Expressions;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Persistence.Definitions;

/// <summary>
/// Stores and versions workflow definitions. Rules:
/// <list type="bullet">
/// <item>a definition has at most one published version (the one new instances start on) and one latest version;</item>
/// <item>saving validates first (errors throw <see cref="WorkflowValidationException"/>, nothing is written); it replaces
/// the latest version while that is a draft (never published), and otherwise adds a new draft version;</item>
/// <item>a version that was ever published never changes: instances that run on it keep running on it.</item>
/// </list>
/// </summary>
public sealed class WorkflowDefinitionService(
    IDbContextFactory<AfterSalesDbContext> contexts,
    WorkflowCompiler compiler,
    CompiledWorkflowCache compiled,
    TimeProvider time)
{
    private static readonly Expression<Func<WorkflowDefinitionVersionEntity, DefinitionVersionInfo>> ToInfo = v =>
        new DefinitionVersionInfo(v.DefinitionId, v.Version, v.Name, v.Description, v.IsPublished, v.IsLatest, v.CreatedAt, v.PublishedAt,
            v.IsPublished ? "published" : v.PublishedAt == null ? "draft" : "retired",
            v.Revision, v.CreatedBy, v.ChangedAt, v.ChangedBy, v.PublishedBy);

    private static readonly Func<WorkflowDefinitionVersionEntity, DefinitionVersionInfo> Info = ToInfo.Compile();

    /// <summary>
    /// The entity tag of a definition's current state: its latest version, that version's revision and the published
    /// version. Any save, publish or retract changes it.
    /// </summary>
    public static string ETagOf(int latestVersion, int revision, int? publishedVersion) =>
        $"\"{latestVersion}.{revision}.{publishedVersion ?? 0}\"";

    /// <summary>The latest version of each definition, by id, with what is published and how many instances run.</summary>
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var latest = await db.DefinitionVersions.Where(v => v.IsLatest).OrderBy(v => v.DefinitionId).ToListAsync(ct);
        var published = await db.DefinitionVersions.Where(v => v.IsPublished)
            .ToDictionaryAsync(v => v.DefinitionId, v => v.Version, ct);
        var finished = new[] { nameof(WorkflowStatus.Completed), nameof(WorkflowStatus.Cancelled) };
        var running = await db.Instances.Where(i => !finished.Contains(i.Status)).GroupBy(i => i.DefinitionId)
            .Select(g => new { DefinitionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.DefinitionId, g => g.Count, ct);
        return latest.Select(v =>
        {
            int? publishedVersion = published.TryGetValue(v.DefinitionId, out var p) ? p : null;
            return new DefinitionSummary(v.DefinitionId, v.Version, v.Name, v.Description, v.IsPublished, v.IsLatest, v.CreatedAt,
                v.PublishedAt, v.ChangedAt, v.ChangedBy, publishedVersion, HasDraft: v.PublishedAt is null,
                running.GetValueOrDefault(v.DefinitionId), ETagOf(v.Version, v.Revision, publishedVersion));
        }).ToList();
    }

    /// <summary>The definition's current entity tag (<see cref="ETagOf"/>); null when there is no such definition.</summary>
    public async Task<string?> ETagAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await CurrentAsync(db, definitionId, ct))?.ETag;
    }

    /// <summary>The latest version, or the given one; null when there is none.</summary>
    public async Task<WorkflowDefinition?> GetAsync(string definitionId, int? version = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await Version(db, definitionId, version).Select(v => new { v.Json, v.Version }).SingleOrDefaultAsync(ct);
        return stored is null ? null : WorkflowJson.Deserialize(stored.Json) with { Version = stored.Version };
    }

    /// <summary>Every stored version, newest first; empty when the definition is unknown.</summary>
    public async Task<IReadOnlyList<DefinitionVersionInfo>> ListVersionsAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DefinitionVersions.Where(v => v.DefinitionId == definitionId).OrderByDescending(v => v.Version).Select(ToInfo).ToListAsync(ct);
    }

    /// <summary>Saves a draft; the store assigns the version number (the one in <paramref name="definition"/> is ignored).</summary>
    public async Task<DefinitionVersionInfo> SaveDraftAsync(
        WorkflowDefinition definition, DefinitionWrite? write = null, CancellationToken ct = default)
    {
        Validate(definition);
        write ??= new();
        var (info, replaced) = await InTransactionAsync(definition.DefinitionId, write, db => SaveDraftAsync(db, definition, write, ct), ct);
        if (replaced) compiled.Invalidate(info.DefinitionId, info.Version);
        return info;
    }

    /// <summary>Makes the latest version the published one; the version published before stays stored for its instances.</summary>
    public Task<DefinitionVersionInfo> PublishAsync(string definitionId, DefinitionWrite? write = null, CancellationToken ct = default) =>
        InTransactionAsync(definitionId, write ??= new(), db => PublishAsync(db, definitionId, write, ct), ct);

    /// <summary>Unpublishes: no new instance can start until a version is published again; running ones continue.</summary>
    public Task<DefinitionVersionInfo> RetractAsync(string definitionId, DefinitionWrite? write = null, CancellationToken ct = default) =>
        InTransactionAsync(definitionId, write ??= new(), async db =>
        {
            var published = await db.DefinitionVersions.SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.IsPublished, ct);
            if (published is null)
                throw await db.DefinitionVersions.AnyAsync(v => v.DefinitionId == definitionId, ct)
                    ? new InvalidOperationException($"workflow definition '{definitionId}' has no published version to retract")
                    : new DefinitionNotFoundException(definitionId);
            published.IsPublished = false;
            var now = time.GetUtcNow();
            (published.ChangedAt, published.ChangedBy) = (now, write.Actor);
            var latest = await db.DefinitionVersions.SingleAsync(v => v.DefinitionId == definitionId && v.IsLatest, ct);
            (latest.ChangedAt, latest.ChangedBy) = (now, write.Actor); // the list shows when the definition last changed
            await db.SaveChangesAsync(ct);
            return Info(published);
        }, ct);

    /// <summary>The stored canonical JSON of the latest version, or of the given one; null when there is none.</summary>
    public async Task<string?> ExportAsync(string definitionId, int? version = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Version(db, definitionId, version).Select(v => v.Json).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Reads a definition from JSON (malformed input throws <see cref="WorkflowJsonException"/>) and saves it as a draft
    /// (of a new definition, or a new draft of an existing one), published too when asked: all or nothing.
    /// </summary>
    public async Task<DefinitionVersionInfo> ImportAsync(string json, bool publish = false, CancellationToken ct = default)
    {
        var definition = WorkflowJson.Deserialize(json);
        Validate(definition);
        var write = new DefinitionWrite();
        var (info, replaced) = await InTransactionAsync(definition.DefinitionId, write, async db =>
        {
            var (draft, replaced) = await SaveDraftAsync(db, definition, write, ct);
            return (publish ? await PublishAsync(db, definition.DefinitionId, write, ct) : draft, replaced);
        }, ct);
        if (replaced) compiled.Invalidate(info.DefinitionId, info.Version);
        return info;
    }

    private void Validate(WorkflowDefinition definition)
    {
        var problems = compiler.Validate(definition);
        if (problems.Any(p => p.Severity == Severity.Error)) throw new WorkflowValidationException(problems);
    }

    private async Task<(DefinitionVersionInfo Info, bool Replaced)> SaveDraftAsync(
        AfterSalesDbContext db, WorkflowDefinition definition, DefinitionWrite write, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var latest = await db.DefinitionVersions.SingleOrDefaultAsync(v => v.DefinitionId == definition.DefinitionId && v.IsLatest, ct);
        if (latest is { PublishedAt: null })
        {
            // A draft nobody can have started on (starting needs a published version) is replaced under its number.
            Write(latest, definition with { Version = latest.Version });
            latest.Revision++;
            (latest.ChangedAt, latest.ChangedBy) = (now, write.Actor);
            await db.SaveChangesAsync(ct);
            return (Info(latest), true);
        }
        if (latest is not null)
        {
            // Saved on its own first: the unique "one latest" index must never see two.
            latest.IsLatest = false;
            await db.SaveChangesAsync(ct);
        }
        var draft = new WorkflowDefinitionVersionEntity
        {
            DefinitionId = definition.DefinitionId,
            Version = (latest?.Version ?? 0) + 1,
            Name = "",
            Json = "",
            IsLatest = true,
            CreatedAt = now,
            CreatedBy = write.Actor,
            ChangedAt = now,
            ChangedBy = write.Actor,
        };
        Write(draft, definition with { Version = draft.Version });
        db.DefinitionVersions.Add(draft);
        await db.SaveChangesAsync(ct);
        return (Info(draft), false);
    }

    private async Task<DefinitionVersionInfo> PublishAsync(
        AfterSalesDbContext db, string definitionId, DefinitionWrite write, CancellationToken ct)
    {
        var latest = await db.DefinitionVersions.SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.IsLatest, ct)
            ?? throw new DefinitionNotFoundException(definitionId);
        if (latest.IsPublished) return Info(latest);
        var published = await db.DefinitionVersions.SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.IsPublished, ct);
        if (published is not null)
        {
            // Saved on its own first: the unique "one published" index must never see two.
            published.IsPublished = false;
            await db.SaveChangesAsync(ct);
        }
        latest.IsPublished = true;
        latest.PublishedAt = time.GetUtcNow();
        latest.PublishedBy = write.Actor;
        latest.Revision++;
        (latest.ChangedAt, latest.ChangedBy) = (latest.PublishedAt.Value, write.Actor);
        await db.SaveChangesAsync(ct);
        return Info(latest);
    }

    private static void Write(WorkflowDefinitionVersionEntity entity, WorkflowDefinition definition)
    {
        entity.Name = definition.Name;
        entity.Description = definition.Description;
        entity.Json = WorkflowJson.Serialize(definition);
    }

    private static IQueryable<WorkflowDefinitionVersionEntity> Version(AfterSalesDbContext db, string definitionId, int? version) =>
        version is { } v
            ? db.DefinitionVersions.Where(d => d.DefinitionId == definitionId && d.Version == v)
            : db.DefinitionVersions.Where(d => d.DefinitionId == definitionId && d.IsLatest);

    private async Task<T> InTransactionAsync<T>(
        string definitionId, DefinitionWrite write, Func<AfterSalesDbContext, Task<T>> action, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Serialises the writers of one definition across hosts, even before its first row exists.
        var lockKey = "aftersales.definition:" + definitionId;
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(hashtextextended({lockKey}, 0))", ct);
        if (write.MustBeNew || write.IfMatch is not null)
        {
            // Checked under the lock: nobody can write between this check and the write.
            var current = await CurrentAsync(db, definitionId, ct);
            if (write.MustBeNew && current is not null) throw new DefinitionExistsException(definitionId);
            if (write.IfMatch is { } expected && !Matches(expected, current?.ETag))
                throw current is null
                    ? new DefinitionNotFoundException(definitionId)
                    : new DefinitionChangedException(definitionId, current.ETag, current.ChangedAt, current.ChangedBy);
        }
        var result = await action(db);
        await transaction.CommitAsync(ct);
        return result;
    }

    private sealed record CurrentState(string ETag, DateTimeOffset ChangedAt, string? ChangedBy);

    private static async Task<CurrentState?> CurrentAsync(AfterSalesDbContext db, string definitionId, CancellationToken ct)
    {
        var latest = await db.DefinitionVersions.Where(v => v.DefinitionId == definitionId && v.IsLatest)
            .Select(v => new { v.Version, v.Revision, v.ChangedAt, v.ChangedBy }).SingleOrDefaultAsync(ct);
        if (latest is null) return null;
        var published = await db.DefinitionVersions.Where(v => v.DefinitionId == definitionId && v.IsPublished)
            .Select(v => (int?)v.Version).SingleOrDefaultAsync(ct);
        return new CurrentState(ETagOf(latest.Version, latest.Revision, published), latest.ChangedAt, latest.ChangedBy);
    }

    /// <summary>An <c>If-Match</c> value: <c>*</c>, or a comma-separated list of tags (weak ones compared by their value).</summary>
    private static bool Matches(string ifMatch, string? current) =>
        current is not null && ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == current);
}
