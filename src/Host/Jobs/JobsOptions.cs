namespace AfterSales.Host.Jobs;

/// <summary>Background jobs: Hangfire, the timer and mail pumps, the recurring reports (configuration section <c>Jobs</c>).</summary>
internal sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often the pump looks for due workflow timers: their lag is about this plus the job's pick-up.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bookmarks per <c>FireTimers</c> job, and per page the pump reads.</summary>
    public int TimerBatchSize { get; set; } = 1000;

    /// <summary>The most bookmarks the pump keeps enqueued and not yet resumed: beyond that it waits for the workers.</summary>
    public int TimerMaxInFlight { get; set; } = 20_000;

    /// <summary>
    /// How long an enqueued bookmark is left to its job before the pump enqueues it again (its job may have been lost
    /// with a Host, or still wait in a long queue; a second resume is harmless).
    /// </summary>
    public TimeSpan TimerInFlightTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Timer resumes this Host runs at once, whichever of its workers run the <c>FireTimers</c> jobs.</summary>
    public int TimerResumeParallelism { get; set; } = 16;

    /// <summary>How often the leading Host (the timer pump's) sweeps the workflow outbox for follow-ups a dead Host left undone.</summary>
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old an outbox entry must be before the sweep does it: younger ones are the normal path's, which does them right
    /// after its commit (a race costs work, not correctness). A lost child start is done within about this plus the interval.
    /// </summary>
    public TimeSpan OutboxSweepAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each Host claims pending rows of the mail outbox.</summary>
    public TimeSpan MailPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outbox rows claimed per poll (one <c>SendMail</c> job each).</summary>
    public int MailBatchSize { get; set; } = 100;

    /// <summary>
    /// How long a claimed outbox row belongs to its job: after that (its job lost with a Host, or out of retries before
    /// recording the failure) the pump claims it again. Short, so a dead Host's mail goes within half a minute; a job that
    /// waited longer in a queue and finds its row claimed again is harmless (the row lock and status send it once).
    /// </summary>
    public TimeSpan MailClaimTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Waits between the attempts of a failing mail; a mail is tried once more than there are delays, then failed.</summary>
    public TimeSpan[]? MailRetryDelays { get; set; }

    /// <summary>The delays used: <see cref="MailRetryDelays"/>, or 1 min, 5 min, 15 min, 1 h, 3 h, 6 h.</summary>
    public IReadOnlyList<TimeSpan> EffectiveMailRetryDelays => MailRetryDelays is { Length: > 0 } delays ? delays : DefaultMailRetryDelays;

    /// <summary>Hangfire workers in this Host; null: Hangfire's default (5 per core, at most 20).</summary>
    public int? WorkerCount { get; set; }

    /// <summary>
    /// How often an idle worker asks PostgreSQL for a job. Jobs enqueued in the same Host wake its workers at once, so
    /// this bounds only the pick-up of jobs enqueued by another Host.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a job fetched by a worker stays invisible to other Hosts' workers. The timeout slides (Hangfire.PostgreSql's
    /// heartbeat refreshes the fetch of every running job), so a live Host's long job is not handed out again, while the job
    /// of a Host that died runs elsewhere after this plus a <see cref="QueuePollInterval"/>.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often Hangfire moves due delayed jobs (mail retries) and due recurring jobs to their queue.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How old a Hangfire lock row must be before another Host takes it over (a Host that died holding it).</summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often Hangfire deletes expired jobs.</summary>
    public TimeSpan JobExpirationCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The time zone of the recurring reports' schedules and periods (IANA or Windows id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>When the weekly complaint summary is queued: Mondays 08:00, covering the week before.</summary>
    public string WeeklySummaryCron { get; set; } = "0 8 * * 1";

    /// <summary>
    /// When the monthly statistics are queued: 08:00 on the 1st, and again on the 2nd and 3rd, when a run that already
    /// queued the month's mail does nothing: the management office has it before the 4th even after a missed day.
    /// </summary>
    public string MonthlyStatisticsCron { get; set; } = "0 8 1-3 * *";

    /// <summary>When the follow-up job runs (visits of key customers, inspections of installed products): daily 08:00.</summary>
    public string FollowUpCron { get; set; } = "0 8 * * *";

    /// <summary>How long before a follow-up is due its owner is reminded by mail.</summary>
    public TimeSpan FollowUpReminderLead { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long after its due time an open follow-up is escalated to the after-sales manager.</summary>
    public TimeSpan FollowUpEscalateAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// When on, dashboard requests from this machine are allowed without signing in (admins are allowed from anywhere).
    /// Off by default: the issue says the dashboard is for admins, and behind a reverse proxy on the same machine every
    /// request would look local.
    /// </summary>
    public bool DashboardAllowsLocalRequests { get; set; }

    public static readonly IReadOnlyList<TimeSpan> DefaultMailRetryDelays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
    ];

    /// <summary>The time zone named by <see cref="TimeZone"/>; valid once <see cref="Validate"/> found nothing wrong.</summary>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>What is wrong with these options, one sentence each; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Positive(TimeSpan value, string name, TimeSpan? max = null)
        {
            if (value <= TimeSpan.Zero || value > (max ?? TimeSpan.FromDays(1)))
                problems.Add($"Jobs:{name} {value} is out of range: use a positive time of at most {max ?? TimeSpan.FromDays(1)}");
        }
        void InRange(int value, string name, int min, int max)
        {
            if (value < min || value > max) problems.Add($"Jobs:{name} {value} is out of range: use {min} to {max}");
        }

        Positive(TimerPollInterval, nameof(TimerPollInterval), TimeSpan.FromMinutes(1));
        InRange(TimerBatchSize, nameof(TimerBatchSize), 1, 10_000);
        InRange(TimerMaxInFlight, nameof(TimerMaxInFlight), Math.Max(1, TimerBatchSize), 1_000_000);
        Positive(TimerInFlightTimeout, nameof(TimerInFlightTimeout));
        InRange(TimerResumeParallelism, nameof(TimerResumeParallelism), 1, 64);
        Positive(OutboxSweepInterval, nameof(OutboxSweepInterval), TimeSpan.FromMinutes(10));
        if (OutboxSweepAge < TimeSpan.Zero || OutboxSweepAge > TimeSpan.FromHours(1))
            problems.Add($"Jobs:OutboxSweepAge {OutboxSweepAge} is out of range: use 0 to 1 hour");
        Positive(MailPollInterval, nameof(MailPollInterval), TimeSpan.FromMinutes(1));
        InRange(MailBatchSize, nameof(MailBatchSize), 1, 10_000);
        Positive(MailClaimTimeout, nameof(MailClaimTimeout));
        foreach (var delay in EffectiveMailRetryDelays)
        {
            // Hangfire schedules retries in whole seconds.
            if (delay < TimeSpan.FromSeconds(1) || delay > TimeSpan.FromDays(7))
                problems.Add($"Jobs:MailRetryDelays {delay} is out of range: use 1 second to 7 days");
        }
        if (WorkerCount is { } workers) InRange(workers, nameof(WorkerCount), 1, 100);
        // Hangfire.PostgreSql refuses poll intervals under 50 ms.
        Positive(QueuePollInterval, nameof(QueuePollInterval), TimeSpan.FromHours(1));
        if (QueuePollInterval < TimeSpan.FromMilliseconds(50)) problems.Add($"Jobs:QueuePollInterval {QueuePollInterval} is too short: use at least 50 ms");
        Positive(SchedulePollingInterval, nameof(SchedulePollingInterval), TimeSpan.FromHours(1));
        // The heartbeat refreshes a running job's fetch every fifth of the timeout, at most once a second.
        if (InvisibilityTimeout < TimeSpan.FromSeconds(5) || InvisibilityTimeout > TimeSpan.FromHours(1))
            problems.Add($"Jobs:InvisibilityTimeout {InvisibilityTimeout} is out of range: use 5 seconds to 1 hour");
        Positive(DistributedLockTimeout, nameof(DistributedLockTimeout));
        Positive(JobExpirationCheckInterval, nameof(JobExpirationCheckInterval));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
            problems.Add($"Jobs:TimeZone '{TimeZone}' is not a time zone this machine knows: use an IANA id such as Asia/Shanghai");
        if (string.IsNullOrWhiteSpace(WeeklySummaryCron)) problems.Add("Jobs:WeeklySummaryCron is empty: give a cron expression such as '0 8 * * 1'");
        if (string.IsNullOrWhiteSpace(FollowUpCron)) problems.Add("Jobs:FollowUpCron is empty: give a cron expression such as '0 8 * * *'");
        if (FollowUpReminderLead < TimeSpan.Zero || FollowUpReminderLead > TimeSpan.FromDays(365))
            problems.Add($"Jobs:FollowUpReminderLead {FollowUpReminderLead} is out of range: use 0 to 365 days");
        if (FollowUpEscalateAfter <= TimeSpan.Zero || FollowUpEscalateAfter > TimeSpan.FromDays(365))
            problems.Add($"Jobs:FollowUpEscalateAfter {FollowUpEscalateAfter} is out of range: use a positive time of at most 365 days");
        if (string.IsNullOrWhiteSpace(MonthlyStatisticsCron)) problems.Add("Jobs:MonthlyStatisticsCron is empty: give a cron expression such as '0 8 1-3 * *'");
        return problems;
    }
}
