namespace AfterSales.Host.Auth;

/// <summary>Sign-in settings (configuration section <c>Auth</c>).</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinimumSigningKeyLength = 32;

    /// <summary>How long a token (and the browser's cookie) stays valid after login.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Optional secret mixed into every token's signing key. Without it the keys come from the database alone (see
    /// <see cref="AccessTokens"/>); with it, someone who reads the database still cannot forge tokens. Every Host of an
    /// install needs the same value, and changing it signs everyone out.
    /// </summary>
    public string? SigningKey { get; set; }
}

/// <summary>The seeded users' password (configuration section <c>Seed</c>).</summary>
internal sealed class UserSeedOptions
{
    public const string Section = "Seed";
    public const int MinimumPasswordLength = 8;

    /// <summary>The password of every user created on first start; unset, a random one is generated and logged once.</summary>
    public string? Password { get; set; }
}
