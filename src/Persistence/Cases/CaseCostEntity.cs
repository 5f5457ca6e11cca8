using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Cases;

/// <summary>A cost booked on a case; the monthly statistics add these up by kind.</summary>
public sealed class CaseCostEntity
{
    public long Id { get; set; }
    public required string CaseId { get; set; }

    /// <summary><c>labour</c>, <c>material</c>, <c>transport</c>, <c>travel</c>, <c>installation</c> or <c>commissioning</c>.</summary>
    public required string Kind { get; set; }

    public decimal Amount { get; set; }

    /// <summary>Person-times (人次) the cost covers; 0 for material and transport.</summary>
    public int PersonTimes { get; set; }

    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
    public string? RecordedBy { get; set; }
}

internal sealed class CaseCostConfiguration : IEntityTypeConfiguration<CaseCostEntity>
{
    public void Configure(EntityTypeBuilder<CaseCostEntity> builder)
    {
        builder.ToTable("case_costs");
        builder.HasKey(c => c.Id).HasName("pk_case_costs");
        builder.Property(c => c.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(c => c.CaseId).HasColumnName("case_id");
        builder.Property(c => c.Kind).HasColumnName("kind");
        builder.Property(c => c.Amount).HasColumnName("amount").HasColumnType("numeric(12,2)");
        builder.Property(c => c.PersonTimes).HasColumnName("person_times");
        builder.Property(c => c.Note).HasColumnName("note");
        builder.Property(c => c.At).HasColumnName("at");
        builder.Property(c => c.RecordedBy).HasColumnName("recorded_by");

        builder.HasOne<CaseEntity>().WithMany().HasForeignKey(c => c.CaseId).HasConstraintName("fk_case_costs_cases").OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CaseId, c.At }, "ix_case_costs_case_id_at");
        // The monthly statistics sum by month and kind.
        builder.HasIndex(c => new { c.At, c.Kind }, "ix_case_costs_at_kind");
    }
}
