using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Cases;

/// <summary>A line on a case's timeline: what happened, when and by whom.</summary>
public sealed class CaseEventEntity
{
    public long Id { get; set; }
    public required string CaseId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary><c>opened</c>, <c>status</c>, <c>note</c>, <c>task</c>, <c>mail</c>, <c>sla</c>, <c>escalation</c>, <c>survey</c>, <c>cost</c>…</summary>
    public required string Kind { get; set; }

    public string? Actor { get; set; }
    public required string Text { get; set; }

    /// <summary>jsonb details for the kind (a task's outcome, a mail's recipients…).</summary>
    public string? Data { get; set; }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEventEntity>
{
    public void Configure(EntityTypeBuilder<CaseEventEntity> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => e.Id).HasName("pk_case_events");
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(e => e.CaseId).HasColumnName("case_id");
        builder.Property(e => e.At).HasColumnName("at");
        builder.Property(e => e.Kind).HasColumnName("kind");
        builder.Property(e => e.Actor).HasColumnName("actor");
        builder.Property(e => e.Text).HasColumnName("text");
        builder.Property(e => e.Data).HasColumnName("data").HasColumnType("jsonb");

        builder.HasOne<CaseEntity>().WithMany().HasForeignKey(e => e.CaseId).HasConstraintName("fk_case_events_cases").OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.CaseId, e.At }, "ix_case_events_case_id_at");
    }
}
