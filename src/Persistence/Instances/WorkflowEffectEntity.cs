using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Instances;

/// <summary>
/// An effect an activity emitted (<c>ActivityContext.Emit</c>): an outbox row written in the same transaction as its
/// burst, so whatever acts on it (a mail sender, a case timeline) sees exactly the effects of committed bursts.
/// </summary>
public sealed class WorkflowEffectEntity
{
    /// <summary>Assigned by the database in write order: the order to act on effects in.</summary>
    public long Id { get; set; }
    public required string InstanceId { get; set; }

    /// <summary>
    /// The effect's stored name (<c>EffectNames.Of</c>: the name its type declares, e.g. <c>case.opened</c>, else its CLR full
    /// name): what tells its consumer how to read <see cref="Payload"/>. <c>EffectNames.Find</c> turns it back into the type.
    /// </summary>
    public required string Type { get; set; }

    /// <summary>The effect as JSON (<c>WorkflowStateJson.Options</c>: camelCase).</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by the consumer once it has acted on the effect.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }
}

internal sealed class WorkflowEffectConfiguration : IEntityTypeConfiguration<WorkflowEffectEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowEffectEntity> builder)
    {
        builder.ToTable("workflow_effects");
        builder.HasKey(e => e.Id).HasName("pk_workflow_effects");
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(e => e.InstanceId).HasColumnName("instance_id");
        builder.Property(e => e.Type).HasColumnName("type");
        builder.Property(e => e.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at");
        builder.Property(e => e.ProcessedAt).HasColumnName("processed_at");

        builder.HasIndex(e => e.InstanceId, "ix_workflow_effects_instance_id");
        // What a consumer polls for: the pending effects in order, found by index however many were processed.
        builder.HasIndex(e => e.Id, "ix_workflow_effects_pending").HasFilter("processed_at is null");
    }
}
