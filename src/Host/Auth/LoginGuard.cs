using System.Globalization;
using System.Threading.RateLimiting;
using AfterSales.Host.Http;
using AfterSales.Persistence.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Auth;

/// <summary>
/// Throttles password guessing twice over: per client address, with ASP.NET Core's rate limiter on the sign-in endpoints
/// (in memory, per Host), and per user, with a lock stored on the user's row, so it holds on every Host: after
/// <see cref="AuthOptions.LockoutFailures"/> failures within <see cref="AuthOptions.LockoutWindow"/> the user is refused, right
/// password or not, for <see cref="AuthOptions.LockoutDuration"/> or until an admin unlocks it. Both answer 429 with Retry-After.
/// </summary>
internal sealed class LoginGuard(UserAccounts users, IOptions<AuthOptions> options, TimeProvider clock, ILogger<LoginGuard> logger)
{
    public const string AddressPolicy = "sign-in-per-address";

    /// <summary>A 429 while the user is locked, else null.</summary>
    public ProblemHttpResult? Locked(UserEntity? user, HttpContext context)
    {
        var now = clock.GetUtcNow();
        return user?.LockedUntil is { } until && until > now ? TooMany(context, until - now, "This user is locked after repeated failed sign-ins.") : null;
    }

    /// <summary>Logs and counts a failed sign-in; answers the 429 when this failure locked the user, else null.</summary>
    public async Task<ProblemHttpResult?> FailedAsync(string? userName, UserEntity? user, HttpContext context, CancellationToken cancellationToken)
    {
        // Escaped: a user name is whatever the caller typed, and a newline in it would forge a log line.
        logger.LogWarning("Failed sign-in as {UserName} from {Address}", LogText.Escape(userName), context.Connection.RemoteIpAddress);
        if (user is null) return null;
        var o = options.Value;
        var now = clock.GetUtcNow();
        var lockedUntil = await users.RecordFailedLoginAsync(user.UserName, now, o.LockoutFailures, o.LockoutWindow, o.LockoutDuration, cancellationToken);
        if (lockedUntil is not { } until || until <= now) return null;
        logger.LogWarning("User {UserName} is locked until {LockedUntil} after {Failures} failed sign-ins", user.UserName, until, o.LockoutFailures);
        return TooMany(context, until - now, "This user is locked after repeated failed sign-ins.");
    }

    public async Task SucceededAsync(UserEntity user, CancellationToken cancellationToken)
    {
        if (user.FailedLogins != 0 || user.FailedLoginsSince is not null) await users.ResetFailedLoginsAsync(user.UserName, cancellationToken);
    }

    public static void AddLoginThrottling(IServiceCollection services)
    {
        services.AddSingleton<LoginGuard>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AddressPolicy, context =>
            {
                var o = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = o.LoginAttemptsPerAddress,
                    Window = o.LoginAddressWindow,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                await TooMany(rejected.HttpContext, wait, "Too many sign-in attempts from this address.").ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    private static ProblemHttpResult TooMany(HttpContext context, TimeSpan wait, string detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem($"{detail} Try again in {seconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts");
    }
}
