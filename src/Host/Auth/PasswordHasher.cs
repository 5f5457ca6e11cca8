using System.Globalization;
using System.Security.Cryptography;

namespace AfterSales.Host.Auth;

/// <summary>
/// Password hashes as <c>users.password_hash</c> stores them: <c>pbkdf2-sha256$v1$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c>
/// (PBKDF2-HMAC-SHA256, 16-byte random salt per hash, 32-byte hash, both base64). Each hash carries its iteration count, so
/// raising <see cref="Iterations"/> later leaves the hashes already stored verifiable; a new scheme gets a new prefix.
/// </summary>
internal static class PasswordHasher
{
    /// <summary>
    /// ASP.NET Core Identity's count. Each sign-in pays it once (about 70 ms on a small server) and a fresh install
    /// hashes fifteen seeded passwords, which is what keeps it from OWASP's 600,000.
    /// </summary>
    public const int Iterations = 100_000;

    private const string Prefix = "pbkdf2-sha256";
    private const string Version = "v1";
    private const int SaltSize = 16;
    private const int HashSize = 32;

    // Checked against when the user does not exist, so an unknown user takes as long to refuse as a wrong password.
    private static readonly Lazy<string> Decoy = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SaltSize))));

    /// <summary>The longest new password accepted: enough for any passphrase, and no megabyte strings to hash.</summary>
    public const int MaximumPasswordLength = 256;

    /// <summary>What is wrong with a password a person chooses (own change, an admin's create or reset), else null.</summary>
    public static string? RuleBroken(string? password) => password switch
    {
        null or "" => "is required",
        { Length: < UserSeedOptions.MinimumPasswordLength } => $"must have at least {UserSeedOptions.MinimumPasswordLength} characters",
        { Length: > MaximumPasswordLength } => $"must have at most {MaximumPasswordLength} characters",
        _ => null,
    };

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashSize);
        return string.Join('$', Prefix, Version, Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether the password matches the stored hash (compared in constant time); a malformed hash matches nothing.</summary>
    public static bool Verify(string password, string storedHash)
    {
        if (storedHash.Split('$') is not [Prefix, Version, var iterationsText, var saltText, var hashText]
            || !int.TryParse(iterationsText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < 1
            || !TryBase64(saltText, out var salt) || salt.Length != SaltSize
            || !TryBase64(hashText, out var expected) || expected.Length != HashSize)
            return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashSize);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of a <see cref="Verify"/> and answers false: for a user name that does not exist.</summary>
    public static bool VerifyNoUser(string password)
    {
        Verify(password, Decoy.Value);
        return false;
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var written)) return false;
        bytes = bytes[..written];
        return true;
    }
}
