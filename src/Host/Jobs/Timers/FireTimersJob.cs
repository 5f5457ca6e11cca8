using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Runtime;
using Hangfire;

namespace AfterSales.Host.Jobs.Timers;

/// <summary>
/// Resumes a batch of due timer bookmarks, at most <see cref="JobsOptions.TimerResumeParallelism"/> at a time in this Host
/// (<see cref="ResumeLimiter"/>, shared by the batches its workers run together). A bookmark consumed
/// already answers BookmarkNotFound and changes nothing, so a batch may run again whole. When some resumes throw (the
/// database went away), the job fails after trying the others and Hangfire runs it again.
/// </summary>
internal sealed class FireTimersJob(WorkflowRuntime runtime, ResumeLimiter limiter, ILogger<FireTimersJob> logger)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 15, 60, 300])]
    public async Task FireAsync(IReadOnlyList<BookmarkRef> bookmarks, CancellationToken cancellationToken)
    {
        var failed = 0;
        Exception? firstFailure = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = limiter.Limit, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(bookmarks, parallel, async (bookmark, ct) =>
        {
            try
            {
                var result = await limiter.RunAsync(() => runtime.ResumeAsync(bookmark.InstanceId, bookmark.BookmarkId, null, ct), ct);
                // BookmarkNotFound: fired already. NotAllowed: the instance cannot run now (faulted); its timer fires once it can.
                if (result.Outcome is not (RunOutcome.Ran or RunOutcome.BookmarkNotFound or RunOutcome.InstanceNotFound))
                    logger.LogDebug("Timer {BookmarkId} of {InstanceId} was not resumed: {Outcome} {Message}",
                        bookmark.BookmarkId, bookmark.InstanceId, result.Outcome, result.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref failed) == 1) firstFailure = e;
                logger.LogWarning("Timer {BookmarkId} of {InstanceId} failed to resume: {Reason}", bookmark.BookmarkId, bookmark.InstanceId, e.Message);
            }
        });
        if (failed > 0)
            throw new InvalidOperationException($"{failed} of {bookmarks.Count} timers failed to resume; the first: {firstFailure!.Message}", firstFailure);
    }
}
