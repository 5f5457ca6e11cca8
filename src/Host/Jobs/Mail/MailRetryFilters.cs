using Hangfire;
using Hangfire.Common;

namespace AfterSales.Host.Jobs.Mail;

/// <summary>
/// Gives <see cref="SendMailJob"/> an <see cref="AutomaticRetryAttribute"/> built from <see cref="JobsOptions.MailRetryDelays"/>
/// (an attribute on the method could only carry constants). Its method scope makes it win over Hangfire's global
/// ten-attempt default when the filter collection drops duplicates.
/// </summary>
internal sealed class MailRetryFilters(IReadOnlyList<TimeSpan> delays) : IJobFilterProvider
{
    private readonly JobFilter[] _filters =
    [
        new(new AutomaticRetryAttribute
        {
            Attempts = delays.Count,
            DelaysInSeconds = [.. delays.Select(d => (int)Math.Ceiling(d.TotalSeconds))],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        }, JobFilterScope.Method, null),
    ];

    public IEnumerable<JobFilter> GetFilters(Job job) => job?.Type == typeof(SendMailJob) ? _filters : [];
}
