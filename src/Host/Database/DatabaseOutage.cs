using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace AfterSales.Host.Database;

/// <summary>
/// A request that failed because the database could not be reached (connection refused or lost, timeout, server shutting
/// down or out of connections) is answered 503 with <c>Retry-After</c>: the request may succeed when retried, and it was not
/// the caller's fault — a valid token in particular is not answered 401 because its user could not be read.
/// </summary>
internal sealed class DatabaseOutage(IProblemDetailsService problems, ILogger<DatabaseOutage> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is told to wait: about what a restart of PostgreSQL takes.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The outage behind <paramref name="exception"/> (itself or one it wraps), or null when it is something else.</summary>
    public static NpgsqlException? Find(Exception? exception) => exception switch
    {
        null => null,
        PostgresException p => IsUnavailable(p.SqlState) ? p : null,
        NpgsqlException n => n, // no server answer at all: refused, reset, timed out
        AggregateException a => a.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        _ => Find(exception.InnerException),
    };

    // 08: connection exceptions; 53: insufficient resources (too many clients); 57P: shutting down, cannot connect now.
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P", StringComparison.Ordinal);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is not { } outage) return false;
        logger.LogWarning("The database is unavailable: {Reason}", outage.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable",
                Detail = $"The database is unreachable: try again in {RetryAfterSeconds} seconds.",
            },
        });
    }
}
