using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Instances;

/// <summary>
/// One workflow instance: <see cref="State"/> is the whole <c>WorkflowInstance</c> as <c>WorkflowStateJson</c>; the other
/// columns copy the fields that lists filter and sort on.
/// </summary>
public sealed class WorkflowInstanceEntity
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public required string Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? ParentInstanceId { get; set; }
    public required string State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Incremented on every save; a save expecting another value changes nothing.</summary>
    public int Version { get; set; }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceEntity> builder)
    {
        builder.ToTable("workflow_instances");
        builder.HasKey(i => i.Id).HasName("pk_workflow_instances");
        builder.Property(i => i.Id).HasColumnName("id");
        builder.Property(i => i.DefinitionId).HasColumnName("definition_id");
        builder.Property(i => i.DefinitionVersion).HasColumnName("definition_version");
        builder.Property(i => i.Status).HasColumnName("status");
        builder.Property(i => i.CorrelationId).HasColumnName("correlation_id");
        builder.Property(i => i.ParentInstanceId).HasColumnName("parent_instance_id");
        builder.Property(i => i.State).HasColumnName("state").HasColumnType("jsonb");
        builder.Property(i => i.CreatedAt).HasColumnName("created_at");
        builder.Property(i => i.UpdatedAt).HasColumnName("updated_at");
        builder.Property(i => i.FinishedAt).HasColumnName("finished_at");
        builder.Property(i => i.Version).HasColumnName("version").IsConcurrencyToken();

        builder.HasIndex(i => new { i.DefinitionId, i.Status }, "ix_workflow_instances_definition_id_status");
        builder.HasIndex(i => i.CorrelationId, "ix_workflow_instances_correlation_id");
        builder.HasIndex(i => new { i.Status, i.UpdatedAt }, "ix_workflow_instances_status_updated_at");
    }
}
