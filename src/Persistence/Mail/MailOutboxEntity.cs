using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Mail;

/// <summary>
/// A mail to send, queued in the burst that asked for it (<see cref="Cases.CaseProjection"/>) with its recipients resolved
/// to addresses. A sender picks <see cref="MailOutboxStatuses.Pending"/> rows, sends and marks them.
/// </summary>
public sealed class MailOutboxEntity
{
    public long Id { get; set; }

    /// <summary>The event that asked for the mail; unique, so the same event is never queued twice.</summary>
    public required string EventKey { get; set; }

    public string? CaseId { get; set; }

    /// <summary>Addresses, resolved when queued (may be empty when nobody could be resolved: the sender fails the row).</summary>
    public string[] Recipients { get; set; } = [];

    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary><see cref="MailOutboxStatuses"/>.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>When a failed attempt may be retried; null = now.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The Message-Id sent, derived from <see cref="EventKey"/> so a re-send is recognisable.</summary>
    public string? MessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

public static class MailOutboxStatuses
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

internal sealed class MailOutboxConfiguration : IEntityTypeConfiguration<MailOutboxEntity>
{
    public void Configure(EntityTypeBuilder<MailOutboxEntity> builder)
    {
        builder.ToTable("mail_outbox");
        builder.HasKey(m => m.Id).HasName("pk_mail_outbox");
        builder.Property(m => m.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(m => m.EventKey).HasColumnName("event_key");
        builder.Property(m => m.CaseId).HasColumnName("case_id");
        builder.Property(m => m.Recipients).HasColumnName("recipients");
        builder.Property(m => m.Subject).HasColumnName("subject");
        builder.Property(m => m.Body).HasColumnName("body");
        builder.Property(m => m.Status).HasColumnName("status");
        builder.Property(m => m.Attempts).HasColumnName("attempts");
        builder.Property(m => m.LastError).HasColumnName("last_error");
        builder.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(m => m.MessageId).HasColumnName("message_id");
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.Property(m => m.SentAt).HasColumnName("sent_at");

        builder.HasIndex(m => m.EventKey, "ux_mail_outbox_event_key").IsUnique();
        builder.HasIndex(m => m.CaseId, "ix_mail_outbox_case_id");
        // What the sender polls: pending mails in queue order, found by index however many were sent.
        builder.HasIndex(m => m.Id, "ix_mail_outbox_pending").HasFilter("status = 'pending'");
    }
}
