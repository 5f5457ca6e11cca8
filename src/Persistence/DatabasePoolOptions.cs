namespace AfterSales.Persistence;

/// <summary>
/// The connections one Host may hold (configuration section <c>Database</c>): its pools' sizes and what they add up to.
/// N Hosts on one server need N × <see cref="PerHostBudget"/> connections under the server's <c>max_connections</c> less its
/// <c>superuser_reserved_connections</c> (README: the connection budget).
/// </summary>
public sealed class DatabasePoolOptions
{
    public const string Section = "Database";

    /// <summary>Connections outside the pools: the timer pump's leader lock, and Hangfire's schema install at start.</summary>
    public const int UnpooledPerHost = 2;

    /// <summary>The main pool: API requests, workflow bursts (a burst holds one while it runs), EF Core reads.</summary>
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>The jobs' pool: Hangfire (workers, heartbeat, schedulers), the mail and timer pumps, the mail sender.</summary>
    public int JobsPoolSize { get; set; } = 15;

    /// <summary>
    /// The side reads a burst makes while it holds its main connection (definition versions, <c>caseFile</c>): a pool of
    /// their own, so a burst never waits on the pool it holds a connection of.
    /// </summary>
    public int SideReadsPoolSize { get; set; } = 5;

    /// <summary>The most connections one Host opens.</summary>
    public int PerHostBudget => MaxPoolSize + JobsPoolSize + SideReadsPoolSize + UnpooledPerHost;

    /// <summary>What is wrong with these options, one sentence each; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void InRange(int value, string name, int min, int max)
        {
            if (value < min || value > max) problems.Add($"{Section}:{name} {value} is out of range: use {min} to {max}");
        }
        InRange(MaxPoolSize, nameof(MaxPoolSize), 2, 1000);
        // Hangfire's heartbeat, schedulers and fetches share it with the pumps and the mail sender.
        InRange(JobsPoolSize, nameof(JobsPoolSize), 4, 1000);
        InRange(SideReadsPoolSize, nameof(SideReadsPoolSize), 1, 1000);
        return problems;
    }
}
