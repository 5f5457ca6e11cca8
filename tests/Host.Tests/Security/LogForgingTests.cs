using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Host.Tests.Security;

/// <summary>What a caller types never starts a line of its own in the log.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LogForgingTests(PostgresFixture postgres)
{
    [Fact]
    public async Task FailedLogin_WithANewlineInTheUserName_LogsItEscaped_OnOneLine()
    {
        var log = new CapturingLoggerProvider();
        await using var host = new HostFactory(await postgres.CreateDatabaseAsync("security_log_forging"))
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log)));

        var response = await host.CreateClient().PostAsJsonAsync(Users.Login, new { userName = "gm\nINFO fake\r\u001b[0m", password = "wrong" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var line = Assert.Single(log.Messages, m => m.Contains("INFO fake", StringComparison.Ordinal));
        Assert.Contains("gm\\nINFO fake\\r\\u001b[0m", line);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\u001b', line);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
