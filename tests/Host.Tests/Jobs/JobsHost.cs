using System.Diagnostics;
using AfterSales.Host.Jobs.Timers;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence.Definitions;
using AfterSales.Workflows;
using AfterSales.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AfterSales.Host.Tests.Jobs;

/// <summary>
/// A Host in memory with its Hangfire server and pumps running, on short intervals (<see cref="FastJobs"/>), talked to
/// through its services rather than its API.
/// </summary>
internal sealed class JobsHost : IAsyncDisposable
{
    private readonly HostFactory _factory;
    private readonly WebApplicationFactory<Program> _host;

    private JobsHost(HostFactory factory, WebApplicationFactory<Program> host)
    {
        _factory = factory;
        _host = host;
    }

    /// <summary>Job settings that keep tests short: quick polls, one-second mail retries.</summary>
    public static Dictionary<string, string?> FastJobs(int smtpPort = 25) => new()
    {
        ["Jobs:TimerPollInterval"] = "00:00:00.200",
        ["Jobs:MailPollInterval"] = "00:00:00.200",
        ["Jobs:QueuePollInterval"] = "00:00:00.500",
        ["Jobs:SchedulePollingInterval"] = "00:00:01",
        ["Jobs:WorkerCount"] = "4",
        ["Jobs:MailRetryDelays:0"] = "00:00:01",
        ["Jobs:MailRetryDelays:1"] = "00:00:01",
        ["Jobs:MailRetryDelays:2"] = "00:00:01",
        ["Jobs:MailRetryDelays:3"] = "00:00:01",
        ["Jobs:MailRetryDelays:4"] = "00:00:01",
        ["Jobs:MailRetryDelays:5"] = "00:00:01",
        ["Jobs:MailRetryDelays:6"] = "00:00:01",
        ["Jobs:MailRetryDelays:7"] = "00:00:01",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Timeout"] = "00:00:05",
    };

    /// <summary>
    /// Starts a Host (migrations, Hangfire schema, server, pumps) on the database with these settings, and
    /// <paramref name="services"/> replacing some of its own (a fake clock).
    /// </summary>
    public static JobsHost Start(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var factory = new HostFactory(connectionString, settings: settings ?? FastJobs());
        var host = services is null ? factory : factory.WithWebHostBuilder(b => b.ConfigureTestServices(services));
        _ = host.Services; // builds and starts the Host
        return new JobsHost(factory, host);
    }

    public IServiceProvider Services => _host.Services;
    public WorkflowRuntime Runtime => Services.GetRequiredService<WorkflowRuntime>();
    public IWorkflowInstanceStore Instances => Services.GetRequiredService<IWorkflowInstanceStore>();
    public NpgsqlDataSource Database => Services.GetRequiredService<NpgsqlDataSource>();
    public TimerPump TimerPump => Services.GetServices<IHostedService>().OfType<TimerPump>().Single();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client of this Host's API, not signed in.</summary>
    public HttpClient CreateClient() => _host.CreateClient();

    public Task PublishAsync(string workflowJson) => Services.GetRequiredService<WorkflowDefinitionService>().ImportAsync(workflowJson, publish: true);

    /// <summary>Starts an instance and checks it waits.</summary>
    public async Task<WorkflowInstance> StartWaitingAsync(string definitionId)
    {
        var started = await Runtime.StartAsync(definitionId);
        Assert.True(started.Succeeded, started.Message);
        Assert.Equal(WorkflowStatus.Suspended, started.Instance!.Status);
        return started.Instance;
    }

    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}

/// <summary>Waiting for what background jobs do.</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"Not within {timeout}: {what}");
            await Task.Delay(50);
        }
        return clock.Elapsed;
    }
}

/// <summary>Workflows the job tests run.</summary>
internal static class JobWorkflows
{
    /// <summary>Start → Delay(<paramref name="duration"/>) → End.</summary>
    public static string Delay(string id, string duration) => $$"""
        {
          "definitionId": "{{id}}",
          "name": "Waits {{duration}}",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wait", "type": "Delay", "duration": "{{duration}}" },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait" }, "target": { "activity": "end" } }
            ]
          }
        }
        """;
}
