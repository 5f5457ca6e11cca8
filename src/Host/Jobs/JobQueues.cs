namespace AfterSales.Host.Jobs;

/// <summary>The Hangfire queues this Host's server works, most urgent first.</summary>
internal static class JobQueues
{
    /// <summary>
    /// Due workflow timers. Hangfire.PostgreSql hands out waiting jobs ordered by queue name, not by the server's queue
    /// list, so the name must sort before <see cref="Default"/>.
    /// </summary>
    public const string Timers = "critical";

    /// <summary>Mail and the recurring reports.</summary>
    public const string Default = "default";

    public static readonly string[] All = [Timers, Default];
}
