using System.Diagnostics;
using AfterSales.Persistence.Runtime;
using AfterSales.Workflows.Runtime;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Jobs.Timers;

/// <summary>
/// Turns due workflow timers into Hangfire jobs. Runs in every Host; one at a time pumps: the one holding a PostgreSQL
/// session advisory lock, on a connection of its own. When that Host dies its session ends, the server drops the lock,
/// and another Host's pump takes over within a poll interval.
/// <para>
/// Every <see cref="JobsOptions.TimerPollInterval"/> the leader reads the due bookmarks in due order, page by page, skips
/// those it enqueued less than <see cref="JobsOptions.TimerInFlightTimeout"/> ago, and enqueues the rest as
/// <see cref="FireTimersJob"/>s of up to <see cref="JobsOptions.TimerBatchSize"/>. A bookmark resumed twice (a re-enqueue
/// after a lost job, or by a new leader that does not know what the last one enqueued) answers BookmarkNotFound the second
/// time, so re-enqueueing is safe; the in-flight set only keeps it rare.
/// </para>
/// <para>
/// Every <see cref="JobsOptions.OutboxSweepInterval"/> the leader also sweeps the workflow outbox
/// (<see cref="WorkflowRuntime.SweepOutboxAsync"/>): the child starts and parent resumes of bursts whose Host died after the
/// commit. One sweeper at a time keeps the work single; a sweep racing the normal path would still do each entry once.
/// </para>
/// </summary>
internal sealed class TimerPump(TimerStore timers, IBackgroundJobClient jobs, WorkflowRuntime runtime,
    IOptions<JobsOptions> options, TimeProvider time, ILogger<TimerPump> logger)
    : BackgroundService
{
    private readonly JobsOptions _options = options.Value;

    /// <summary>Bookmark id → until when (<see cref="Stopwatch"/> ticks) it counts as enqueued.</summary>
    private readonly Dictionary<string, long> _inFlight = new(StringComparer.Ordinal);

    private TimerLeaderSession? _session;

    /// <summary>When (<see cref="Stopwatch"/> ticks) the leader sweeps the workflow outbox next.</summary>
    private long _nextSweep;

    /// <summary>Whether this Host holds the lock (for tests and the log).</summary>
    public bool IsLeader { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The cadence is real time whatever the injected clock says: a test may fake "now", the pump must still run.
        using var timer = new PeriodicTimer(_options.TimerPollInterval);
        try
        {
            do
            {
                try
                {
                    await PumpAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("The timer pump failed (it starts again with a new connection): {Reason}", e.Message);
                    await LetGoAsync();
                }
                if (IsLeader && Stopwatch.GetTimestamp() >= _nextSweep) await SweepOutboxAsync(stoppingToken);
            }
            while (await timer.NextTickAsync(stoppingToken));
        }
        finally
        {
            await LetGoAsync();
        }
    }

    /// <summary>One round: takes the lead if free, then enqueues what is due.</summary>
    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        if (!await LeadAsync(cancellationToken)) return;

        var now = time.GetUtcNow();
        var clock = Stopwatch.GetTimestamp();
        var batchSize = _options.TimerBatchSize;
        var stillDue = 0;           // in-flight bookmarks seen still due: work Hangfire has not finished
        var seen = new HashSet<string>(StringComparer.Ordinal); // every due bookmark read this round
        var batch = new List<BookmarkRef>(batchSize);
        var enqueued = 0;
        var scannedAll = false;
        BookmarkRef? last = null;

        while (stillDue + enqueued + batch.Count < _options.TimerMaxInFlight)
        {
            var page = await _session!.ReadDuePageAsync(now, last, batchSize, cancellationToken);
            foreach (var bookmark in page)
            {
                seen.Add(bookmark.BookmarkId);
                if (_inFlight.TryGetValue(bookmark.BookmarkId, out var until) && until > clock)
                {
                    stillDue++;
                    continue;
                }
                batch.Add(bookmark);
                if (batch.Count == batchSize) enqueued += Enqueue(ref batch, clock);
            }
            if (page.Count < batchSize)
            {
                scannedAll = true;
                break;
            }
            last = page[^1];
        }
        if (batch.Count > 0) enqueued += Enqueue(ref batch, clock);

        // After a full scan, an in-flight bookmark that was not seen is no longer due: resumed (or its instance gone).
        if (scannedAll)
            foreach (var id in _inFlight.Keys.Where(id => !seen.Contains(id)).ToList())
                _inFlight.Remove(id);
        foreach (var (id, _) in _inFlight.Where(e => e.Value <= clock).ToList()) _inFlight.Remove(id);

        if (enqueued > 0) logger.LogDebug("Enqueued {Count} due timers ({InFlight} still in flight)", enqueued, stillDue);
    }

    /// <summary>Does the outbox entries older than <see cref="JobsOptions.OutboxSweepAge"/>; a failure waits for the next sweep.</summary>
    private async Task SweepOutboxAsync(CancellationToken cancellationToken)
    {
        _nextSweep = Stopwatch.GetTimestamp() + (long)(_options.OutboxSweepInterval.TotalSeconds * Stopwatch.Frequency);
        try
        {
            await runtime.SweepOutboxAsync(time.GetUtcNow() - _options.OutboxSweepAge, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The workflow outbox sweep failed (it tries again): {Reason}", e.Message);
        }
    }

    private int Enqueue(ref List<BookmarkRef> batch, long clock)
    {
        var bookmarks = batch;
        jobs.Enqueue<FireTimersJob>(JobQueues.Timers, job => job.FireAsync(bookmarks, CancellationToken.None));
        var until = clock + (long)(_options.TimerInFlightTimeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var b in bookmarks) _inFlight[b.BookmarkId] = until;
        batch = new List<BookmarkRef>(_options.TimerBatchSize);
        return bookmarks.Count;
    }

    private async Task<bool> LeadAsync(CancellationToken cancellationToken)
    {
        if (IsLeader) return true; // the page query on the same connection fails if the session (and so the lock) is gone
        _session ??= await timers.OpenSessionAsync(cancellationToken);
        IsLeader = await _session.TryLeadAsync(cancellationToken);
        if (IsLeader)
        {
            // What an earlier leadership enqueued may have been lost meanwhile: start from what the table says.
            _inFlight.Clear();
            logger.LogInformation("This Host now pumps the due workflow timers");
        }
        return IsLeader;
    }

    /// <summary>Closes the session and, with it, the lock.</summary>
    private async Task LetGoAsync()
    {
        if (IsLeader) logger.LogInformation("This Host no longer pumps the due workflow timers");
        IsLeader = false;
        if (_session is null) return;
        try
        {
            await _session.DisposeAsync();
        }
        catch (Exception e)
        {
            logger.LogDebug("Closing the timer pump's connection failed: {Reason}", e.Message);
        }
        _session = null;
    }
}
