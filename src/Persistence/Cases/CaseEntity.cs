using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Cases;

/// <summary>
/// An after-sales case: what the customer asked for, where it stands and its first-response SLA. Written by
/// <see cref="CaseProjection"/> in the bursts of the case's workflow (correlation id = <see cref="Id"/>), so the row
/// and the instance never disagree about what happened.
/// </summary>
public sealed class CaseEntity
{
    /// <summary>A time-ordered id; the case's workflow instance carries it as its correlation id.</summary>
    public required string Id { get; set; }

    /// <summary><c>AS-2026-000123</c>: per-year counter from <see cref="CaseNumberCounterEntity"/>.</summary>
    public required string Number { get; set; }

    public required string Kind { get; set; }
    public required string Channel { get; set; }

    /// <summary>jsonb <c>{name, company, phone, email, region}</c>.</summary>
    public required string Customer { get; set; }

    /// <summary>jsonb <c>{model, serial, shipDate, warrantyEnd}</c>.</summary>
    public required string Product { get; set; }

    public int Hosts { get; set; }
    public int Accessories { get; set; }
    public string? Description { get; set; }
    public required string Status { get; set; }

    /// <summary>The user name of the person responsible, once assigned.</summary>
    public string? Owner { get; set; }

    public string? WorkflowInstanceId { get; set; }
    public int EscalationLevel { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? FirstResponseDueAt { get; set; }
    public DateTimeOffset? FirstRespondedAt { get; set; }

    /// <summary>Set while the SLA clock is paused (e.g. waiting for the customer).</summary>
    public DateTimeOffset? SlaPausedSince { get; set; }

    /// <summary>Time the SLA clock spent paused, added to the due time when judging the SLA.</summary>
    public TimeSpan SlaPausedTotal { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CaseEntity>
{
    public void Configure(EntityTypeBuilder<CaseEntity> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id).HasName("pk_cases");
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.Number).HasColumnName("number");
        builder.Property(c => c.Kind).HasColumnName("kind");
        builder.Property(c => c.Channel).HasColumnName("channel");
        builder.Property(c => c.Customer).HasColumnName("customer").HasColumnType("jsonb");
        builder.Property(c => c.Product).HasColumnName("product").HasColumnType("jsonb");
        builder.Property(c => c.Hosts).HasColumnName("hosts");
        builder.Property(c => c.Accessories).HasColumnName("accessories");
        builder.Property(c => c.Description).HasColumnName("description");
        builder.Property(c => c.Status).HasColumnName("status");
        builder.Property(c => c.Owner).HasColumnName("owner");
        builder.Property(c => c.WorkflowInstanceId).HasColumnName("workflow_instance_id");
        builder.Property(c => c.EscalationLevel).HasColumnName("escalation_level").HasDefaultValue(0);
        builder.Property(c => c.EscalatedAt).HasColumnName("escalated_at");
        builder.Property(c => c.FirstResponseDueAt).HasColumnName("first_response_due_at");
        builder.Property(c => c.FirstRespondedAt).HasColumnName("first_responded_at");
        builder.Property(c => c.SlaPausedSince).HasColumnName("sla_paused_since");
        builder.Property(c => c.SlaPausedTotal).HasColumnName("sla_paused_total").HasColumnType("interval").HasDefaultValueSql("interval '0'");
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        builder.Property(c => c.ClosedAt).HasColumnName("closed_at");

        builder.HasIndex(c => c.Number, "ux_cases_number").IsUnique();
        builder.HasIndex(c => new { c.Kind, c.CreatedAt }, "ix_cases_kind_created_at");
        builder.HasIndex(c => new { c.Status, c.CreatedAt }, "ix_cases_status_created_at");
        builder.HasIndex(c => c.CreatedAt, "ix_cases_created_at");
        builder.HasIndex(c => c.WorkflowInstanceId, "ix_cases_workflow_instance_id");
        // The overdue list: first response still missing; the due-time order serves "< now".
        builder.HasIndex(c => c.FirstResponseDueAt, "ix_cases_first_response_overdue").HasFilter("first_responded_at is null");
    }
}
