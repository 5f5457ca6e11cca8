using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Instances;

/// <summary>One journal entry of an instance; rows are only ever appended.</summary>
public sealed class WorkflowJournalEntity
{
    public required string InstanceId { get; set; }
    public long Sequence { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset EndedAt { get; set; }
    public string? Outcome { get; set; }
    public string? Inputs { get; set; }
    public string? Outputs { get; set; }
    public string? Error { get; set; }
}

internal sealed class WorkflowJournalConfiguration : IEntityTypeConfiguration<WorkflowJournalEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalEntity> builder)
    {
        builder.ToTable("workflow_journal");
        builder.HasKey(j => new { j.InstanceId, j.Sequence }).HasName("pk_workflow_journal");
        builder.Property(j => j.InstanceId).HasColumnName("instance_id");
        builder.Property(j => j.Sequence).HasColumnName("sequence").ValueGeneratedNever();
        builder.Property(j => j.ActivityId).HasColumnName("activity_id");
        builder.Property(j => j.ActivityType).HasColumnName("activity_type");
        builder.Property(j => j.Kind).HasColumnName("kind");
        builder.Property(j => j.StartedAt).HasColumnName("started_at");
        builder.Property(j => j.EndedAt).HasColumnName("ended_at");
        builder.Property(j => j.Outcome).HasColumnName("outcome");
        builder.Property(j => j.Inputs).HasColumnName("inputs").HasColumnType("jsonb");
        builder.Property(j => j.Outputs).HasColumnName("outputs").HasColumnType("jsonb");
        builder.Property(j => j.Error).HasColumnName("error");
    }
}
