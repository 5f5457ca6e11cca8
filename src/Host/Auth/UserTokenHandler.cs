using AfterSales.Persistence.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Host.Auth;

/// <summary>
/// The JWT bearer handler's token check: validates the signature and lifetime, then loads the token's user and refuses the
/// token when the user no longer exists, is disabled, or its token generation has moved on (signed out, password
/// changed). The user is read on every request, uncached, so a revoked token (or a disabled user's) is refused at once on
/// every Host. A database that cannot be reached throws (it is not a bad token): AuthSetup turns that into a 503.
/// </summary>
internal sealed class UserTokenHandler(UserAccounts users, AccessTokens tokens) : JsonWebTokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        // The signature first: a forged token costs no database read.
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid) return result;

        var jwt = (JsonWebToken)result.SecurityToken;
        var user = string.IsNullOrEmpty(jwt.Subject) ? null : await users.FindAsync(jwt.Subject);
        if (user is null) return Refused("The token's user does not exist.");
        if (user.DisabledAt is not null) return Refused("The token's user is disabled.");
        if (!jwt.TryGetPayloadValue<int>(AccessTokens.GenerationClaim, out var generation) || generation != user.TokenGeneration)
            return Refused("The token was revoked: its user signed out or changed the password since.");
        if (!jwt.TryGetPayloadValue<string>(AccessTokens.PasswordStampClaim, out var stamp) || stamp != tokens.PasswordStamp(user))
            return Refused("The token was revoked: its user's password changed since.");

        result.ClaimsIdentity = AccessTokens.Identity(user, result.ClaimsIdentity.AuthenticationType);
        return result;
    }

    private static TokenValidationResult Refused(string reason) => new() { IsValid = false, Exception = new SecurityTokenValidationException(reason) };
}
