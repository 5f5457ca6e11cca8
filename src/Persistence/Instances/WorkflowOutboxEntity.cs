using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Instances;

/// <summary>
/// A burst's follow-up work on another instance (<c>WorkflowOutboxEntry</c>: start a child, cancel one, resume a parent),
/// written in the burst's transaction and deleted once done, so a Host that dies in between leaves it to the recovery sweep.
/// </summary>
public sealed class WorkflowOutboxEntity
{
    public long Id { get; set; }

    /// <summary>The instance whose burst wrote the row.</summary>
    public required string InstanceId { get; set; }

    /// <summary><c>StartChild</c>, <c>CancelChild</c> or <c>ResumeParent</c>.</summary>
    public required string Kind { get; set; }

    public required string TargetInstanceId { get; set; }
    public string? BookmarkId { get; set; }

    /// <summary>The burst's time (the instance's <c>UpdatedAt</c>): the sweep leaves younger rows to the Host that wrote them.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class WorkflowOutboxConfiguration : IEntityTypeConfiguration<WorkflowOutboxEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowOutboxEntity> builder)
    {
        builder.ToTable("workflow_outbox");
        builder.HasKey(e => e.Id).HasName("pk_workflow_outbox");
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(e => e.InstanceId).HasColumnName("instance_id");
        builder.Property(e => e.Kind).HasColumnName("kind");
        builder.Property(e => e.TargetInstanceId).HasColumnName("target_instance_id");
        builder.Property(e => e.BookmarkId).HasColumnName("bookmark_id");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at");

        // Completing deletes by instance, kind and target; the table is near empty, the sweep reads it in id order.
        builder.HasIndex(e => e.InstanceId, "ix_workflow_outbox_instance_id");
    }
}
