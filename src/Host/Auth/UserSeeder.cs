using System.Security.Cryptography;
using AfterSales.Persistence;
using AfterSales.Persistence.Users;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Host.Auth;

/// <summary>
/// Creates one user per role on a fresh install (user name = role, roles = [role], mail <c>&lt;role&gt;@aftersales.local</c>),
/// all with <see cref="UserSeedOptions.Password"/> or, when unset, one random password logged this once. On every start it
/// also applies the addresses configured under <c>Mail:Users:&lt;user name&gt;</c>, so configuration has the last word on them.
/// </summary>
internal sealed class UserSeeder(
    UserAccounts users,
    NpgsqlDataSource database,
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
        int created;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await using (await connection.LockAsync(AdvisoryLockKey.UserSeed, cancellationToken))
                created = await users.AnyAsync(cancellationToken) ? 0 : await CreateRoleUsersAsync(cancellationToken);
        }
        await ApplyConfiguredEmailsAsync(cancellationToken);
        return created;
    }

    private async Task<int> CreateRoleUsersAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.Password;
        var password = configured ?? RandomNumberGenerator.GetString(PasswordAlphabet, 20);
        var now = clock.GetUtcNow();
        // Fifteen PBKDF2 hashes take a second or so: spread them over the cores.
        var seeded = await Task.WhenAll(Roles.All.Select(r => Task.Run(() => new UserEntity
        {
            UserName = r.Role,
            DisplayName = r.DisplayName,
            Email = $"{r.Role}@{DefaultEmailDomain}",
            PasswordHash = PasswordHasher.Hash(password),
            Roles = [r.Role],
            CreatedAt = now,
        }, cancellationToken)));
        await users.AddAsync(seeded, cancellationToken);

        var names = string.Join(", ", seeded.Select(u => u.UserName));
        if (configured is null)
            logger.LogWarning(
                "Created one user per role ({Users}); Seed:Password is not set, so they all sign in with the generated password {Password} "
                + "— shown this once only, never again. Note it now, or start a fresh install with Seed:Password set.", names, password);
        else
            logger.LogInformation("Created one user per role ({Users}) with the password of Seed:Password", names);
        return seeded.Length;
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
