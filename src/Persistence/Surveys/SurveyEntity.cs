using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Surveys;

/// <summary>A satisfaction survey sent to a case's customer, answered once through its token's link.</summary>
public sealed class SurveyEntity
{
    /// <summary>Random, URL-safe, 256 bits: the only thing that authorises an answer.</summary>
    public required string Token { get; set; }

    public required string CaseId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public int? Rating { get; set; }
    public string? Comment { get; set; }
    public bool? WouldRecommend { get; set; }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<SurveyEntity>
{
    public void Configure(EntityTypeBuilder<SurveyEntity> builder)
    {
        builder.ToTable("surveys", t => t.HasCheckConstraint("ck_surveys_rating", "rating between 1 and 5"));
        builder.HasKey(s => s.Token).HasName("pk_surveys");
        builder.Property(s => s.Token).HasColumnName("token");
        builder.Property(s => s.CaseId).HasColumnName("case_id");
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.Property(s => s.ExpiresAt).HasColumnName("expires_at");
        builder.Property(s => s.AnsweredAt).HasColumnName("answered_at");
        builder.Property(s => s.Rating).HasColumnName("rating");
        builder.Property(s => s.Comment).HasColumnName("comment");
        builder.Property(s => s.WouldRecommend).HasColumnName("would_recommend");

        builder.HasOne<Cases.CaseEntity>().WithMany().HasForeignKey(s => s.CaseId).HasConstraintName("fk_surveys_cases").OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.CaseId, "ix_surveys_case_id");
    }
}
