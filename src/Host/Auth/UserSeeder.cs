using System.Security.Cryptography;
using AfterSales.Persistence.Users;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Auth;

/// <summary>
/// Creates one user per role on a fresh install (user name = role, roles = [role], mail
/// <c>&lt;role&gt;@aftersales.local</c>), all with <see cref="UserSeedOptions.Password"/> or, when unset, one random
/// password logged this once. On every start it also applies the addresses configured under <c>Mail:Users:&lt;user
/// name&gt;</c>, so configuration has the last word on them.
/// </summary>
internal sealed class UserSeeder(
    UserAccounts users,
    UserSeeding seeding,
    IOptions<UserSeedOptions> options,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<UserSeeder> logger)
{
    public const string EmailSection = "Mail:Users";
    public const string DefaultEmailDomain = "aftersales.local";

    // Letters and digits that cannot be mistaken for one another when read off a log.
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Answers how many users were created.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var configured = options.Value.Password;
        var password = configured ?? RandomNumberGenerator.GetString(PasswordAlphabet, 20);
        var seeded = await seeding.SeedIfEmptyAsync(() => RoleUsersAsync(password, cancellationToken),
            cancellationToken);
        if (seeded.Count > 0) LogCreated(seeded, configured is null ? password : null);
        await ApplyConfiguredEmailsAsync(cancellationToken);
        return seeded.Count;
    }

    private async Task<IReadOnlyList<UserEntity>> RoleUsersAsync(string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Fifteen PBKDF2 hashes take a second or so: spread them over the cores.
        return await Task.WhenAll(Roles.All.Select(r => Task.Run(() => new UserEntity
        {
            UserName = r.Role,
            DisplayName = r.DisplayName,
            Email = $"{r.Role}@{DefaultEmailDomain}",
            PasswordHash = PasswordHasher.Hash(password),
            Roles = [r.Role],
            CreatedAt = now,
        }, cancellationToken)));
    }

    /// <summary>
    /// Logs the users created; <paramref name="generatedPassword"/> is shown when Seed:Password was not set.
    /// </summary>
    private void LogCreated(IReadOnlyList<UserEntity> seeded, string? generatedPassword)
    {
        var names = string.Join(", ", seeded.Select(u => u.UserName));
        if (generatedPassword is not null)
            logger.LogWarning(
                "Created one user per role ({Users}); Seed:Password is not set, so they all sign in with the generated password {Password} "
                + "— shown this once only, never again. Note it now, or start a fresh install with Seed:Password set.", names, generatedPassword);
        else
            logger.LogInformation("Created one user per role ({Users}) with the password of Seed:Password", names);
    }

    private async Task ApplyConfiguredEmailsAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in configuration.GetSection(EmailSection).GetChildren())
        {
            if (string.IsNullOrWhiteSpace(entry.Value)) continue;
            if (!await users.SetEmailAsync(entry.Key, entry.Value.Trim(), cancellationToken))
                logger.LogWarning("{Section}:{UserName} names no user: its address is not used", EmailSection, entry.Key);
        }
    }
}
