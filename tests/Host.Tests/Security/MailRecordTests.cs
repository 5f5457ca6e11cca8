using AfterSales.Activities.Mail;
using AfterSales.Host.Jobs.Mail;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Host.Tests.Jobs;
using AfterSales.TestSupport.Mail;
using AfterSales.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AfterSales.Host.Tests.Security;

/// <summary>
/// Issue 7, finding 14: once the SMTP server has accepted a mail, a database failure while recording it retries the record,
/// never the send.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MailRecordTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Mail_IsSentOnce_WhenTheDatabaseDropsTheSendersConnectionsAfterTheServerAcceptedIt()
    {
        using var sink = new SmtpSink();
        var database = await postgres.CreateDatabaseAsync("security_mail_record");
        await using var host = JobsHost.Start(database, JobsHost.FastJobs(sink.Port),
            services => services.AddSingleton<IMailSender>(sp => new DropsConnectionsAfterSend(ActivatorUtilities.CreateInstance<SmtpMailSender>(sp), database)));

        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
            ids.Add(await MailOutboxTests.QueueAsync(host, $"record:{i}", ["zhang@example.com"], $"s{i}", "b"));

        await Eventually.HoldsAsync(async () => await host.ScalarAsync("select count(*) from aftersales.mail_outbox where status = 'sent'") == ids.Count,
            TimeSpan.FromSeconds(20), "every mail is recorded sent");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to arrive, were there one

        var messageIds = sink.Messages().Select(m => m.MessageId).ToList();
        Assert.Equal(ids.Select(id => $"outbox-{id}@aftersales").Order(), messageIds.Order());
        Assert.Equal(ids.Count, await host.ScalarAsync("select count(*) from aftersales.mail_outbox where attempts = 1 and message_id is not null"));
    }

    /// <summary>
    /// Sends through the real sender, then has PostgreSQL end every session of the Host's jobs (Hangfire, the pumps, the
    /// sender): the sender's connection is gone when it goes to record the mail, a real database error at the worst moment.
    /// </summary>
    private sealed class DropsConnectionsAfterSend(IMailSender inner, string connectionString) : IMailSender
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _dropped = new();

        public async Task SendAsync(MailMessageRequest request, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(request, cancellationToken);
            // Once per mail: a re-send (the bug) goes through and shows as a duplicate at the sink.
            if (!_dropped.TryAdd(request.MessageId!, true)) return;
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var terminate = new NpgsqlCommand(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and application_name like 'AfterSales jobs%'", connection);
            await terminate.ExecuteScalarAsync(cancellationToken);
        }
    }
}
