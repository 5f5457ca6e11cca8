using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Instances;

/// <summary>An incident of an instance, mirrored from its state so open incidents can be listed across instances.</summary>
public sealed class WorkflowIncidentEntity
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public required string Message { get; set; }
    public required string ExceptionType { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

internal sealed class WorkflowIncidentConfiguration : IEntityTypeConfiguration<WorkflowIncidentEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowIncidentEntity> builder)
    {
        builder.ToTable("workflow_incidents");
        builder.HasKey(i => i.Id).HasName("pk_workflow_incidents");
        builder.Property(i => i.Id).HasColumnName("id");
        builder.Property(i => i.InstanceId).HasColumnName("instance_id");
        builder.Property(i => i.ActivityId).HasColumnName("activity_id");
        builder.Property(i => i.ActivityType).HasColumnName("activity_type");
        builder.Property(i => i.Message).HasColumnName("message");
        builder.Property(i => i.ExceptionType).HasColumnName("exception_type");
        builder.Property(i => i.At).HasColumnName("at");
        builder.Property(i => i.ResolvedAt).HasColumnName("resolved_at");

        builder.HasIndex(i => i.InstanceId, "ix_workflow_incidents_instance_id");
    }
}
