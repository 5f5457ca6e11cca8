using AfterSales.Activities.Mail;
using AfterSales.Host.Database;
using AfterSales.Host.FollowUps;
using AfterSales.Host.Jobs.Mail;
using AfterSales.Host.Jobs.Reports;
using AfterSales.Host.Jobs.Timers;
using AfterSales.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Host.Jobs;

internal static class JobsSetup
{
    public const string Schema = "hangfire";
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Hangfire on PostgreSQL (schema <c>hangfire</c>, a server in this Host working <see cref="JobQueues.All"/>), the timer
    /// and mail pumps, the mail sender (<see cref="SmtpOptions"/> from section <c>Smtp</c>) and the recurring reports. The
    /// Hangfire services are this Host's own (storage, activator, filters in the container), not Hangfire's static globals,
    /// so two Hosts in one process (tests) do not share them.
    /// </summary>
    public static void AddAfterSalesJobs(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>>(new OptionsProblems<JobsOptions>(o => o.Validate()));
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>>(new OptionsProblems<SmtpOptions>(o => o.Validate()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value);
        services.AddSingleton<IMailSender, SmtpMailSender>();

        services.AddAfterSalesJobStores(connectionString);
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<JobsDatabase>(), sp.GetRequiredService<IOptions<JobsOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(sp => new JobFilterProviderCollection(
            JobFilterProviders.Providers, new MailRetryFilters(sp.GetRequiredService<IOptions<JobsOptions>>().Value.EffectiveMailRetryDelays)));
        // Registered before AddHangfire, these win over its defaults (JobStorage.Current, JobActivator.Current).
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, server) =>
        {
            var o = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.Queues = JobQueues.All;
            if (o.WorkerCount is { } workers) server.WorkerCount = workers;
            server.SchedulePollingInterval = o.SchedulePollingInterval;
        });

        services.AddSingleton<ResumeLimiter>();
        services.AddTransient<FireTimersJob>();
        services.AddTransient<SendMailJob>();
        services.AddTransient<WeeklyComplaintSummaryJob>();
        services.AddTransient<MonthlyStatisticsJob>();
        services.AddTransient<FollowUpJob>();
        services.AddHostedService<TimerPump>();
        services.AddHostedService<MailPump>();
    }

    /// <summary>
    /// Creates or upgrades Hangfire's schema with Hangfire's own installer, under an advisory lock so that Hosts starting
    /// together take turns (its scripts are not safe to run concurrently); then registers the recurring reports.
    /// </summary>
    public static async Task PrepareJobsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ValidateOptions(app.Services);
        var database = app.Services.GetRequiredService<JobsDatabase>();
        await database.InstallJobsSchemaAsync(connection =>
        {
            try
            {
                PostgreSqlObjectsInstaller.Install(connection, Schema);
            }
            catch (NpgsqlException e)
            {
                var where = database.Dedicated.Describe();
                throw new StartupException(
                    $"Hangfire's schema '{Schema}' could not be installed in {where}: {e.Message}", e);
            }
        }, cancellationToken);

        var options = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        var schedule = new RecurringJobOptions { TimeZone = options.FindTimeZone() };
        try
        {
            recurring.AddOrUpdate<WeeklyComplaintSummaryJob>(WeeklyComplaintSummaryJob.RecurringJobId, JobQueues.Default,
                job => job.RunAsync(CancellationToken.None), options.WeeklySummaryCron, schedule);
            recurring.AddOrUpdate<MonthlyStatisticsJob>(MonthlyStatisticsJob.RecurringJobId, JobQueues.Default,
                job => job.RunAsync(CancellationToken.None), options.MonthlyStatisticsCron, schedule);
            recurring.AddOrUpdate<FollowUpJob>(FollowUpJob.RecurringJobId, JobQueues.Default,
                job => job.RunAsync(CancellationToken.None), options.FollowUpCron, schedule);
        }
        catch (ArgumentException e) when (e.Message.Contains("CRON", StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupException($"Jobs:WeeklySummaryCron '{options.WeeklySummaryCron}', Jobs:MonthlyStatisticsCron "
                + $"'{options.MonthlyStatisticsCron}' or Jobs:FollowUpCron '{options.FollowUpCron}' is not a cron expression: {e.Message}", e);
        }
    }

    /// <summary>
    /// Checks the jobs' and the mail sender's options now, before they are used, and names every problem of both at once
    /// (the Host's own start-time check comes later, at run).
    /// </summary>
    private static void ValidateOptions(IServiceProvider services)
    {
        var failures = new List<string>();
        try
        {
            _ = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            failures.AddRange(e.Failures);
        }
        try
        {
            _ = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            failures.AddRange(e.Failures);
        }
        if (failures.Count > 0) throw new OptionsValidationException(JobsOptions.Section, typeof(JobsOptions), failures);
    }

    /// <summary>The dashboard at <see cref="DashboardPath"/>; <see cref="DashboardAuthorizationFilter"/> decides who sees it.</summary>
    public static void MapJobsDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new DashboardAuthorizationFilter(options.DashboardAllowsLocalRequests)],
            DashboardTitle = "AfterSales jobs",
        }, app.Services.GetRequiredService<JobStorage>()).AllowAnonymous();
    }

    private static PostgreSqlStorage CreateStorage(JobsDatabase database, JobsOptions options) =>
        new(new DataSourceConnectionFactory(database.Pool), new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            // PrepareJobsAsync installs the schema, one Host at a time.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = options.QueuePollInterval,
            DistributedLockTimeout = options.DistributedLockTimeout,
            JobExpirationCheckInterval = options.JobExpirationCheckInterval,
            // A job fetched by a Host that dies is handed out again after this (not Hangfire's 30 minutes); the sliding
            // timeout keeps longer jobs of live Hosts their own. A job run twice anyway (a Host stalled past it) is harmless:
            // timers, mails and reports are idempotent.
            InvisibilityTimeout = options.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
        });
}
