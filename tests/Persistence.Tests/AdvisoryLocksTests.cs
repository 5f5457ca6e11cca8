using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Persistence.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AdvisoryLocksTests(PostgresFixture postgres)
{
    [Fact]
    public void Keys_KeepTheValuesDeployedHostsHold()
    {
        // Hosts of the previous release on the same database lock these numbers: a new value would let both in at once.
        Assert.Equal(0x4166_7465_7253_616C, (long)AdvisoryLockKey.Migration);
        Assert.Equal(0x4841_4E47_4649_5245, (long)AdvisoryLockKey.HangfireSchema);
        Assert.Equal(0x5449_4D45_5250_4D50, (long)AdvisoryLockKey.TimerLeader);
        Assert.Equal(0x5EED_0005_E125, (long)AdvisoryLockKey.UserSeed);
        Assert.Equal(0x5EED_AF7E_5A1E5, (long)AdvisoryLockKey.WorkflowSeed);
        Assert.Equal(0x5553_4552_4144_4D4E, (long)AdvisoryLockKey.UserAdministration);
        Assert.Equal(6, Enum.GetValues<AdvisoryLockKey>().Distinct().Count());
    }

    [Fact]
    public async Task LockAsync_KeepsOtherSessionsOut_UntilDisposed()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();

        var held = await first.LockAsync(AdvisoryLockKey.UserSeed);
        Assert.False(await second.TryLockAsync(AdvisoryLockKey.UserSeed));
        Assert.True(await second.TryLockAsync(AdvisoryLockKey.WorkflowSeed)); // another key is free

        await held.DisposeAsync();
        Assert.True(await second.TryLockAsync(AdvisoryLockKey.UserSeed));
    }

    [Fact]
    public async Task TryLockAsync_IsFreedByTheServer_WhenItsConnectionCloses()
    {
        var first = await OpenAsync();
        await using var second = await OpenAsync();
        Assert.True(await first.TryLockAsync(AdvisoryLockKey.TimerLeader));
        Assert.False(await second.TryLockAsync(AdvisoryLockKey.TimerLeader));

        var firstSession = first.ProcessID;
        await first.DisposeAsync();
        // The server ends the session, and so frees its locks, a moment after the client closed it: wait for that.
        await WaitUntilEndedAsync(second, firstSession);

        Assert.True(await second.TryLockAsync(AdvisoryLockKey.TimerLeader));
    }

    private static async Task WaitUntilEndedAsync(NpgsqlConnection connection, int session)
    {
        await using var command = new NpgsqlCommand("select count(*) from pg_stat_activity where pid = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = session });
        for (var tries = 0; tries < 200 && (long)(await command.ExecuteScalarAsync())! > 0; tries++) await Task.Delay(50);
    }

    // Unpooled: a pooled connection would go back to the pool on dispose instead of ending its session.
    private async Task<NpgsqlConnection> OpenAsync()
    {
        var settings = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
