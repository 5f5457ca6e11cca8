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

        // Mail to a role looks users up by role: roles @> array['x'].
        builder.HasIndex(u => u.Roles, "ix_users_roles").HasMethod("gin");
    }
}
