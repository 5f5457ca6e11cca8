using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Cases;

/// <summary>
/// An <c>Idempotency-Key</c> a user opened a case with: written in the case's own transaction, so a retry of the same
/// request (after a timeout or a lost answer) finds the case instead of opening a second one. Kept for
/// <see cref="CaseService.RequestKeyLifetime"/>.
/// </summary>
public sealed class CaseRequestKeyEntity
{
    public const string PrimaryKey = "pk_case_request_keys";

    /// <summary>True when a concurrent request with the same key wrote its case first: answer that case.</summary>
    public static bool IsTaken(Exception e) => e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: PrimaryKey };

    public string UserName { get; set; } = "";
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request body: the same key with another body is refused.</summary>
    public string RequestHash { get; set; } = "";

    public string CaseId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CaseRequestKeyConfiguration : IEntityTypeConfiguration<CaseRequestKeyEntity>
{
    public void Configure(EntityTypeBuilder<CaseRequestKeyEntity> builder)
    {
        builder.ToTable("case_request_keys");
        builder.HasKey(k => new { k.UserName, k.Key }).HasName(CaseRequestKeyEntity.PrimaryKey);
        builder.Property(k => k.UserName).HasColumnName("user_name");
        builder.Property(k => k.Key).HasColumnName("key");
        builder.Property(k => k.RequestHash).HasColumnName("request_hash");
        builder.Property(k => k.CaseId).HasColumnName("case_id");
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(k => k.CreatedAt, "ix_case_request_keys_created_at");
    }
}
