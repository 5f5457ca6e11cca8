using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Cases;

/// <summary>The last case number handed out in <see cref="Year"/>; advanced by one atomic upsert per case.</summary>
public sealed class CaseNumberCounterEntity
{
    public int Year { get; set; }
    public int Last { get; set; }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounterEntity>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounterEntity> builder)
    {
        builder.ToTable("case_number_counters");
        builder.HasKey(c => c.Year).HasName("pk_case_number_counters");
        builder.Property(c => c.Year).HasColumnName("year").ValueGeneratedNever();
        builder.Property(c => c.Last).HasColumnName("last");
    }
}
