using System.Runtime.ExceptionServices;
using AfterSales.Host.Database;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Auth;

internal static class AuthSetup
{
    /// <summary>
    /// JWT bearer authentication (the token from the Authorization header, else from the login cookie), the policies, and
    /// every endpoint closed to anonymous callers unless it says <c>AllowAnonymous()</c>.
    /// </summary>
    public static void AddAfterSalesAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Auth:TokenLifetime must be positive, e.g. 08:00:00")
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || o.SigningKey.Length >= AuthOptions.MinimumSigningKeyLength,
                $"Auth:SigningKey is too short: remove it, or give it at least {AuthOptions.MinimumSigningKeyLength} random characters")
            .Validate(o => !string.IsNullOrEmpty(o.SigningKey) || !string.IsNullOrWhiteSpace(o.SigningKeyFile),
                "Auth:SigningKeyFile is empty: remove it to use the default, or set Auth:SigningKey")
            .Validate(o => o.LockoutFailures > 0 && o.LockoutWindow > TimeSpan.Zero && o.LockoutDuration > TimeSpan.Zero,
                "Auth:LockoutFailures, Auth:LockoutWindow and Auth:LockoutDuration must be positive, e.g. 5, 00:15:00 and 00:15:00")
            .Validate(o => o.LoginAttemptsPerAddress > 0 && o.LoginAddressWindow > TimeSpan.Zero,
                "Auth:LoginAttemptsPerAddress and Auth:LoginAddressWindow must be positive, e.g. 30 and 00:01:00")
            .ValidateOnStart();
        builder.Services.AddOptions<UserSeedOptions>()
            .BindConfiguration(UserSeedOptions.Section)
            .Validate(o => o.Password is null || o.Password.Length >= UserSeedOptions.MinimumPasswordLength,
                $"Seed:Password is too short: remove it to have one generated, or give it at least {UserSeedOptions.MinimumPasswordLength} characters")
            .ValidateOnStart();
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<UserTokenHandler>();
        builder.Services.AddSingleton<UserSeeder>();
        LoginGuard.AddLoginThrottling(builder.Services);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AccessTokens, UserTokenHandler>((o, tokens, handler) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = tokens.ValidationParameters();
                o.TokenHandlers.Clear();
                o.TokenHandlers.Add(handler);
                o.Events = new JwtBearerEvents
                {
                    // The browser sends no Authorization header: its token is in the login cookie.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Headers.Authorization.Count == 0)
                            context.Token = context.Request.Cookies[AuthEndpoints.CookieName];
                        return Task.CompletedTask;
                    },
                    // The token's user could not be read because the database is down: not a bad token, so not a 401.
                    // Thrown on, the outage reaches the exception handler (DatabaseOutage), which answers 503.
                    OnAuthenticationFailed = context =>
                    {
                        if (DatabaseOutage.Find(context.Exception) is { } outage) ExceptionDispatchInfo.Throw(outage);
                        return Task.CompletedTask;
                    },
                };
            });
        Policies.Add(builder.Services.AddAuthorizationBuilder());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();
    }

    /// <summary>Creates the role users on a fresh install; run after the migrations.</summary>
    public static async Task SeedUsersAsync(this WebApplication app)
    {
        // Reading the options validates them: a wrong Auth setting stops the start here, where Program reports the message
        // alone, rather than when the host starts and logs a stack trace.
        _ = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        // So does loading the signing secret (a key file others may read, or a short one, stops the start).
        _ = app.Services.GetRequiredService<AccessTokens>();
        await app.Services.GetRequiredService<UserSeeder>().SeedAsync();
    }

    public static void UseAfterSalesAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseCrossSiteRequestRefusal();
        app.UseRateLimiter();
        app.UseAuthorization();
    }
}
