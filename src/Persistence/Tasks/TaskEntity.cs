using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Tasks;

/// <summary>
/// A human task in an inbox: the index of a <c>HumanTask</c> bookmark (<see cref="Id"/> = the bookmark id), written by
/// <see cref="Cases.CaseProjection"/> in the burst that creates or removes the bookmark.
/// </summary>
public sealed class TaskEntity
{
    public required string Id { get; set; }

    /// <summary>The instance's correlation id: the case, for case workflows (no foreign key: any workflow may ask for a task).</summary>
    public string? CaseId { get; set; }

    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public string? Role { get; set; }

    /// <summary>The user the task is meant for, when the workflow named one.</summary>
    public string? Assignee { get; set; }

    public required string Title { get; set; }
    public string? Form { get; set; }
    public string[] Outcomes { get; set; } = [];

    /// <summary>The outcomes that need a reason in the form data, so a client asks for one before submitting.</summary>
    public string[] ReasonRequiredFor { get; set; } = [];
    public DateTimeOffset? DueAt { get; set; }

    /// <summary><see cref="TaskStatuses"/>.</summary>
    public required string Status { get; set; }

    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Outcome { get; set; }

    /// <summary>jsonb: the form the completing user filled in.</summary>
    public string? FormData { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public static class TaskStatuses
{
    public const string Open = "open";
    public const string Claimed = "claimed";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Open, Claimed, Completed, Cancelled];
}

internal sealed class TaskConfiguration : IEntityTypeConfiguration<TaskEntity>
{
    public void Configure(EntityTypeBuilder<TaskEntity> builder)
    {
        builder.ToTable("tasks");
        builder.HasKey(t => t.Id).HasName("pk_tasks");
        builder.Property(t => t.Id).HasColumnName("id");
        builder.Property(t => t.CaseId).HasColumnName("case_id");
        builder.Property(t => t.InstanceId).HasColumnName("instance_id");
        builder.Property(t => t.ActivityId).HasColumnName("activity_id");
        builder.Property(t => t.Role).HasColumnName("role");
        builder.Property(t => t.Assignee).HasColumnName("assignee");
        builder.Property(t => t.Title).HasColumnName("title");
        builder.Property(t => t.Form).HasColumnName("form");
        builder.Property(t => t.Outcomes).HasColumnName("outcomes");
        builder.Property(t => t.ReasonRequiredFor).HasColumnName("reason_required_for").HasDefaultValueSql("'{}'");
        builder.Property(t => t.DueAt).HasColumnName("due_at");
        builder.Property(t => t.Status).HasColumnName("status");
        builder.Property(t => t.ClaimedBy).HasColumnName("claimed_by");
        builder.Property(t => t.ClaimedAt).HasColumnName("claimed_at");
        builder.Property(t => t.CompletedBy).HasColumnName("completed_by");
        builder.Property(t => t.CompletedAt).HasColumnName("completed_at");
        builder.Property(t => t.Outcome).HasColumnName("outcome");
        builder.Property(t => t.FormData).HasColumnName("form_data").HasColumnType("jsonb");
        builder.Property(t => t.CreatedAt).HasColumnName("created_at");

        builder.HasIndex(t => new { t.Role, t.Status }, "ix_tasks_role_status");
        builder.HasIndex(t => t.CaseId, "ix_tasks_case_id");
        builder.HasIndex(t => new { t.Assignee, t.Status }, "ix_tasks_assignee_status");
        builder.HasIndex(t => t.InstanceId, "ix_tasks_instance_id");
        // The inbox's order over the tasks still to do (TaskQueries.ListSql): its first page is read, not sorted.
        builder.HasIndex(t => new { t.DueAt, t.CreatedAt, t.Id }, "ix_tasks_open_due").HasFilter("status in ('open', 'claimed')");
    }
}
