using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.FollowUps;

/// <summary>A customer of the register; key customers are visited every <see cref="VisitInterval"/>.</summary>
public sealed class CustomerEntity
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Company { get; set; }
    public string? Region { get; set; }
    public string? Email { get; set; }
    public bool KeyCustomer { get; set; }

    /// <summary>Time between visits (days); null for a customer who is not visited.</summary>
    public TimeSpan? VisitInterval { get; set; }

    /// <summary>The user name who visits and is reminded.</summary>
    public required string Owner { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A product installed at a customer, inspected every <see cref="InspectionInterval"/>.</summary>
public sealed class InstalledProductEntity
{
    public required string Id { get; set; }
    public required string CustomerId { get; set; }
    public required string Model { get; set; }
    public string? Serial { get; set; }
    public DateOnly InstalledAt { get; set; }
    public TimeSpan InspectionInterval { get; set; }
    public required string Owner { get; set; }
}

/// <summary>A due visit (<c>visit</c>, subject a customer) or inspection (<c>inspection</c>, subject an installed product).</summary>
public sealed class FollowUpEntity
{
    public long Id { get; set; }

    /// <summary><c>visit</c> or <c>inspection</c>.</summary>
    public required string Kind { get; set; }

    public required string SubjectId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public required string Owner { get; set; }

    /// <summary><c>open</c>, <c>done</c> or <c>escalated</c> (overdue, the manager told; still to do).</summary>
    public required string Status { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary><c>visit:{customer}:{n}</c> / <c>inspection:{product}:{n}</c>, the subject's n-th: a follow-up is written once.</summary>
    public required string EventKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<CustomerEntity>
{
    public void Configure(EntityTypeBuilder<CustomerEntity> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id).HasName("pk_customers");
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.Name).HasColumnName("name");
        builder.Property(c => c.Company).HasColumnName("company");
        builder.Property(c => c.Region).HasColumnName("region");
        builder.Property(c => c.Email).HasColumnName("email");
        builder.Property(c => c.KeyCustomer).HasColumnName("key_customer");
        builder.Property(c => c.VisitInterval).HasColumnName("visit_interval").HasColumnType("interval");
        builder.Property(c => c.Owner).HasColumnName("owner");
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(c => c.KeyCustomer, "ix_customers_key_customer").HasFilter("key_customer");
    }
}

internal sealed class InstalledProductConfiguration : IEntityTypeConfiguration<InstalledProductEntity>
{
    public void Configure(EntityTypeBuilder<InstalledProductEntity> builder)
    {
        builder.ToTable("installed_products");
        builder.HasKey(p => p.Id).HasName("pk_installed_products");
        builder.Property(p => p.Id).HasColumnName("id");
        builder.Property(p => p.CustomerId).HasColumnName("customer_id");
        builder.Property(p => p.Model).HasColumnName("model");
        builder.Property(p => p.Serial).HasColumnName("serial");
        builder.Property(p => p.InstalledAt).HasColumnName("installed_at");
        // 182 days, not '6 months': a month interval cannot be read as a TimeSpan.
        builder.Property(p => p.InspectionInterval).HasColumnName("inspection_interval").HasColumnType("interval")
            .HasDefaultValueSql("interval '182 days'");
        builder.Property(p => p.Owner).HasColumnName("owner");
        builder.HasOne<CustomerEntity>().WithMany().HasForeignKey(p => p.CustomerId)
            .HasConstraintName("fk_installed_products_customers").OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CustomerId, "ix_installed_products_customer_id");
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUpEntity>
{
    public void Configure(EntityTypeBuilder<FollowUpEntity> builder)
    {
        builder.ToTable("follow_ups", t =>
        {
            t.HasCheckConstraint("ck_follow_ups_kind", "kind in ('visit', 'inspection')");
            t.HasCheckConstraint("ck_follow_ups_status", "status in ('open', 'done', 'escalated')");
        });
        builder.HasKey(f => f.Id).HasName("pk_follow_ups");
        builder.Property(f => f.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(f => f.Kind).HasColumnName("kind");
        builder.Property(f => f.SubjectId).HasColumnName("subject_id");
        builder.Property(f => f.DueAt).HasColumnName("due_at");
        builder.Property(f => f.Owner).HasColumnName("owner");
        builder.Property(f => f.Status).HasColumnName("status");
        builder.Property(f => f.DoneAt).HasColumnName("done_at");
        builder.Property(f => f.EventKey).HasColumnName("event_key");
        builder.Property(f => f.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(f => f.EventKey, "ux_follow_ups_event_key").IsUnique();
        // The job looks for a subject's outstanding follow-up, and for open ones by due date.
        builder.HasIndex(f => new { f.Kind, f.SubjectId }, "ix_follow_ups_kind_subject_id");
        builder.HasIndex(f => new { f.Status, f.DueAt }, "ix_follow_ups_status_due_at");
    }
}
