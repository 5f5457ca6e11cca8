using Microsoft.Extensions.Options;

namespace AfterSales.Host.Jobs.Timers;

/// <summary>
/// Bounds the timer resumes running at once in this Host, across its <see cref="FireTimersJob"/>s: past about 16 on two
/// cores, resumes only queue for locks, connections and the CPU (measured: 16–32 fire about 2,000/s, 160 about 240/s).
/// </summary>
internal sealed class ResumeLimiter(IOptions<JobsOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(options.Value.TimerResumeParallelism);

    public int Limit { get; } = options.Value.TimerResumeParallelism;

    public async Task<T> RunAsync<T>(Func<Task<T>> resume, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await resume();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
