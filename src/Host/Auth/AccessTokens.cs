using System.Security.Claims;
using System.Security.Cryptography;
using AfterSales.Persistence.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Host.Auth;

/// <summary>
/// The bearer tokens login hands out: JWTs signed with HMAC-SHA256 under a key derived (HKDF) from the Host's
/// <see cref="SigningSecret"/>, which is not in the database, so reading the database is not enough to forge one. Each token
/// carries its user's token generation (<see cref="GenerationClaim"/>): signing out or changing the password raises it in the
/// database and every earlier token is refused, on every Host, at the next request (<see cref="UserTokenHandler"/> reads the
/// user's row on each request; nothing is cached). A token also carries a stamp of the password hash it was issued under.
/// </summary>
internal sealed class AccessTokens
{
    private readonly IOptions<AuthOptions> _options;
    private readonly TimeProvider _clock;

    public const string Issuer = "AfterSales";
    public const string NameClaim = "sub";
    public const string DisplayNameClaim = "name";
    public const string RoleClaim = "role";
    public const string GenerationClaim = "gen";
    public const string PasswordStampClaim = "pst";

    private static readonly byte[] KeyInfo = "AfterSales access token v2"u8.ToArray();
    private static readonly byte[] StampInfo = "AfterSales password stamp v1"u8.ToArray();
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SymmetricSecurityKey _key;
    private readonly byte[] _stampKey;

    public AccessTokens(IOptions<AuthOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        var secret = SigningSecret.Load(options.Value);
        _key = new SymmetricSecurityKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, [], KeyInfo));
        _stampKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, [], StampInfo);
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserEntity user)
    {
        var now = _clock.GetUtcNow();
        var expiresAt = now + _options.Value.TokenLifetime;
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
                [GenerationClaim] = user.TokenGeneration,
                [PasswordStampClaim] = PasswordStamp(user),
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expiresAt);
    }

    /// <summary>
    /// A keyed digest of the user's password hash: a token stays valid only while the stored hash does, so a password set
    /// any other way than the API (an operator's reset in SQL) also ends the tokens issued before.
    /// </summary>
    public string PasswordStamp(UserEntity user) =>
        Base64UrlEncoder.Encode(HMACSHA256.HashData(_stampKey, System.Text.Encoding.UTF8.GetBytes(user.PasswordHash))[..16]);

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
        IssuerSigningKey = _key,
    };
}
