namespace AfterSales.Host.Auth;

/// <summary>Sign-in settings (configuration section <c>Auth</c>).</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinimumSigningKeyLength = 32;

    /// <summary>How long a token (and the browser's cookie) stays valid after login.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The secret tokens are signed with (at least <see cref="MinimumSigningKeyLength"/> characters). Unset, the Host uses the
    /// one in <see cref="SigningKeyFile"/>, generated on first start. An install with several Hosts sets the same value on
    /// every Host; changing it signs everyone out. Empty is the same as unset.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Where a Host without <see cref="SigningKey"/> keeps its random 256-bit signing secret, readable by the Host's OS user
    /// only (0600): created on first start, and the Host refuses to start if others may read it.
    /// </summary>
    public string SigningKeyFile { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "AfterSales",
        "signing-key");

    /// <summary>Failed sign-ins of one user within <see cref="LockoutWindow"/> that lock the user for <see cref="LockoutDuration"/>.</summary>
    public int LockoutFailures { get; set; } = 5;

    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts answered per client address within <see cref="LoginAddressWindow"/>; more are answered 429.</summary>
    public int LoginAttemptsPerAddress { get; set; } = 30;

    public TimeSpan LoginAddressWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The seeded users' password (configuration section <c>Seed</c>).</summary>
internal sealed class UserSeedOptions
{
    public const string Section = "Seed";
    public const int MinimumPasswordLength = 8;

    /// <summary>The password of every user created on first start; unset, a random one is generated and logged once.</summary>
    public string? Password { get; set; }
}
