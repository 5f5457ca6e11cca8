using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AfterSales.Persistence.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Host.Auth;

/// <summary>
/// The bearer tokens login hands out: JWTs signed with HMAC-SHA256 under a key of their user's own, derived (HKDF) from the
/// user's stored password hash, itself a random secret that never leaves the database, plus <see cref="AuthOptions.SigningKey"/>
/// when set. So every Host on the database accepts every Host's tokens with no key to distribute or store, and a password
/// change ends the user's tokens. The price is one primary-key read per request (<see cref="UserTokenHandler"/>).
/// </summary>
internal sealed class AccessTokens(IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string Issuer = "AfterSales";
    public const string NameClaim = "sub";
    public const string DisplayNameClaim = "name";
    public const string RoleClaim = "role";

    private static readonly byte[] KeyInfo = "AfterSales access token v1"u8.ToArray();
    private readonly JsonWebTokenHandler _handler = new();
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.SigningKey ?? "");

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserEntity user)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [NameClaim] = user.UserName,
                [DisplayNameClaim] = user.DisplayName,
                [RoleClaim] = user.Roles,
            },
            SigningCredentials = new SigningCredentials(SigningKey(user), SecurityAlgorithms.HmacSha256),
        });
        return (token, expiresAt);
    }

    public SymmetricSecurityKey SigningKey(UserEntity user) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(user.PasswordHash), 32, _secret, KeyInfo));

    /// <summary>Who the request is for: name, display name and the roles the user holds now (not when the token was issued).</summary>
    public static ClaimsIdentity Identity(UserEntity user, string? authenticationType)
    {
        var claims = new List<Claim> { new(NameClaim, user.UserName), new(DisplayNameClaim, user.DisplayName) };
        claims.AddRange(user.Roles.Select(r => new Claim(RoleClaim, r)));
        return new ClaimsIdentity(claims, authenticationType, NameClaim, RoleClaim);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = NameClaim,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromMinutes(1),
        // The key is per user: UserTokenHandler sets it once it knows whose token it is.
        IssuerSigningKey = null,
    };
}
