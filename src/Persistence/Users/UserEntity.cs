using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Persistence.Users;

/// <summary>A person who signs in. Mail to <c>role:x</c> and <c>user:x</c> resolves through <see cref="Email"/> and <see cref="Roles"/>.</summary>
public sealed class UserEntity
{
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>Role codes from the domain (<c>aftersales</c>, <c>sales</c>, <c>gm</c>…).</summary>
    public string[] Roles { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Carried in every token the user is issued; signing out or changing the password adds one, which refuses every token
    /// issued before, on every Host (the token handler compares it with this row on each request).
    /// </summary>
    public int TokenGeneration { get; set; }

    /// <summary>Failed sign-ins counted since <see cref="FailedLoginsSince"/>; a success resets both.</summary>
    public int FailedLogins { get; set; }

    public DateTimeOffset? FailedLoginsSince { get; set; }

    /// <summary>Until when sign-in is refused, even with the right password (too many failures, or until an admin unlocks).</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>
    /// Since when an admin has disabled the user: sign-in is refused and every token refused at once (disabling also
    /// raises <see cref="TokenGeneration"/>, so enabling again revives none of them). Null: enabled.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; set; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<UserEntity>
{
    public void Configure(EntityTypeBuilder<UserEntity> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.UserName).HasName("pk_users");
        builder.Property(u => u.UserName).HasColumnName("user_name");
        builder.Property(u => u.DisplayName).HasColumnName("display_name");
        builder.Property(u => u.Email).HasColumnName("email");
        builder.Property(u => u.PasswordHash).HasColumnName("password_hash");
        builder.Property(u => u.Roles).HasColumnName("roles");
        builder.Property(u => u.CreatedAt).HasColumnName("created_at");
        builder.Property(u => u.TokenGeneration).HasColumnName("token_generation");
        builder.Property(u => u.FailedLogins).HasColumnName("failed_logins");
        builder.Property(u => u.FailedLoginsSince).HasColumnName("failed_logins_since");
        builder.Property(u => u.LockedUntil).HasColumnName("locked_until");
        builder.Property(u => u.DisabledAt).HasColumnName("disabled_at");

        // Mail to a role looks users up by role: roles @> array['x'].
        builder.HasIndex(u => u.Roles, "ix_users_roles").HasMethod("gin");
    }
}
