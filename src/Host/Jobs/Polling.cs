namespace AfterSales.Host.Jobs;

internal static class Polling
{
    /// <summary>Waits for the timer's next tick; false once the Host stops.</summary>
    public static async Task<bool> NextTickAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
