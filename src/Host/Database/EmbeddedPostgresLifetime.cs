using AfterSales.Persistence.Embedded;

namespace AfterSales.Host.Database;

/// <summary>Stops the embedded PostgreSQL when the Host stops; its data folder stays for the next start.</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres cluster, ILogger<EmbeddedPostgresLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask; // started before the app was built

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopping the embedded PostgreSQL in {DataDirectory}", cluster.DataDirectory);
        await cluster.StopAsync(cancellationToken);
    }
}
