using System.Reflection;
using AfterSales.Host.Database;
using AfterSales.Host.Http;
using AfterSales.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AfterSales.Host.Health;

internal static class HealthEndpoints
{
    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Open to all: load balancers and the start scripts ask it without signing in.
        var group = app.MapGroup("/api/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/", GetHealth).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> GetHealth(
        DatabaseProbe probe, NpgsqlDataSource database, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // A health check that hangs is no answer: give the database a few seconds.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await probe.PingAsync(timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning("Health check: the database {Database} is unreachable: {Reason}", database.Describe(), e.Message);
            return Problems.Unavailable($"The database {database.Describe()} is unreachable: {e.Message}");
        }
        return TypedResults.Ok(new HealthResponse("ok", "reachable", Version));
    }
}

internal sealed record HealthResponse(string Status, string Database, string Version);
