using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Definitions;

/// <summary>
/// One stored version of a definition. A version that was ever published (<see cref="PublishedAt"/> set) never
/// changes again; only the latest version, while it is a draft, is replaced in place.
/// </summary>
public sealed class WorkflowDefinitionVersionEntity
{
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>The canonical <c>WorkflowJson</c> text, kept as written (<c>text</c>, not <c>jsonb</c>) so export gives the same bytes.</summary>
    public required string Json { get; set; }

    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Counts the writes to this row that a designer must have seen before writing again (save, publish).</summary>
    public int Revision { get; set; } = 1;

    /// <summary>User names of who created, last changed and published it; null for the seeding and internal callers.</summary>
    public string? CreatedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? ChangedBy { get; set; }
    public string? PublishedBy { get; set; }
}

internal sealed class WorkflowDefinitionVersionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionVersionEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionVersionEntity> builder)
    {
        builder.ToTable("workflow_definition_versions");
        builder.HasKey(v => new { v.DefinitionId, v.Version }).HasName("pk_workflow_definition_versions");
        builder.Property(v => v.DefinitionId).HasColumnName("definition_id");
        builder.Property(v => v.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(v => v.Name).HasColumnName("name");
        builder.Property(v => v.Description).HasColumnName("description");
        builder.Property(v => v.Json).HasColumnName("json").HasColumnType("text");
        builder.Property(v => v.IsPublished).HasColumnName("is_published");
        builder.Property(v => v.IsLatest).HasColumnName("is_latest");
        builder.Property(v => v.CreatedAt).HasColumnName("created_at");
        builder.Property(v => v.PublishedAt).HasColumnName("published_at");
        builder.Property(v => v.Revision).HasColumnName("revision").HasDefaultValue(1);
        builder.Property(v => v.CreatedBy).HasColumnName("created_by");
        builder.Property(v => v.ChangedAt).HasColumnName("changed_at");
        builder.Property(v => v.ChangedBy).HasColumnName("changed_by");
        builder.Property(v => v.PublishedBy).HasColumnName("published_by");

        // At most one published and one latest version per definition, whatever a buggy or concurrent writer does.
        builder.HasIndex(v => v.DefinitionId, "ux_workflow_definition_versions_published").IsUnique().HasFilter("is_published");
        builder.HasIndex(v => v.DefinitionId, "ux_workflow_definition_versions_latest").IsUnique().HasFilter("is_latest");
    }
}
