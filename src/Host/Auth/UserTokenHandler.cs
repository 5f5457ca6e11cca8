using AfterSales.Persistence.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Host.Auth;

/// <summary>
/// The JWT bearer handler's token check: reads whose token it is, loads that user, and validates the token with the user's
/// key (<see cref="AccessTokens"/>). A user who no longer exists, or whose password changed since, is refused.
/// </summary>
internal sealed class UserTokenHandler(UserAccounts users, AccessTokens tokens) : JsonWebTokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        string subject;
        try
        {
            subject = ReadJsonWebToken(token).Subject;
        }
        catch (ArgumentException) // SecurityTokenMalformedException among others
        {
            return Refused("The token is not a JWT.");
        }
        var user = string.IsNullOrEmpty(subject) ? null : await users.FindAsync(subject);
        if (user is null) return Refused("The token's user does not exist.");

        var parameters = validationParameters.Clone();
        parameters.IssuerSigningKey = tokens.SigningKey(user);
        var result = await base.ValidateTokenAsync(token, parameters);
        if (result.IsValid) result.ClaimsIdentity = AccessTokens.Identity(user, result.ClaimsIdentity.AuthenticationType);
        return result;
    }

    private static TokenValidationResult Refused(string reason) => new() { IsValid = false, Exception = new SecurityTokenValidationException(reason) };
}
