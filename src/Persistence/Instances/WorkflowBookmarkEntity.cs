using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Instances;

/// <summary>
/// A pending bookmark, mirrored from its instance's state in the same transaction, so signals and due timers are
/// found by index whatever the number of instances. The instance's state stays the authority.
/// </summary>
public sealed class WorkflowBookmarkEntity
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string Name { get; set; }
    public string? Key { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public string? Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class WorkflowBookmarkConfiguration : IEntityTypeConfiguration<WorkflowBookmarkEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowBookmarkEntity> builder)
    {
        builder.ToTable("workflow_bookmarks");
        builder.HasKey(b => b.Id).HasName("pk_workflow_bookmarks");
        builder.Property(b => b.Id).HasColumnName("id");
        builder.Property(b => b.InstanceId).HasColumnName("instance_id");
        builder.Property(b => b.ActivityId).HasColumnName("activity_id");
        builder.Property(b => b.Name).HasColumnName("name");
        builder.Property(b => b.Key).HasColumnName("key");
        builder.Property(b => b.DueAt).HasColumnName("due_at");
        builder.Property(b => b.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(b => b.CreatedAt).HasColumnName("created_at");

        builder.HasIndex(b => new { b.Name, b.Key }, "ix_workflow_bookmarks_name_key");
        builder.HasIndex(b => b.DueAt, "ix_workflow_bookmarks_due_at").HasFilter("due_at is not null");
    }
}
