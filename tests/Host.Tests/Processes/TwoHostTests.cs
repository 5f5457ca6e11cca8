using System.Net;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Processes;

/// <summary>Real Host processes sharing one database, as when the Host runs on two machines or restarts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoHostTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Resume_RunsOnce_WhenTwoHostsResumeTheSameBookmarkAtTheSameMoment()
    {
        var settings = Settings(await postgres.CreateDatabaseAsync("host_two_hosts"));
        await using var a = await HostProcess.StartAsync(settings);
        await using var b = await HostProcess.StartAsync(settings);
        await a.Client.SignInAsync(Roles.ProcessOwner);
        await b.Client.SignInAsync(Roles.ProcessOwner);
        var (id, bookmark) = await a.Client.StartApprovalAsync("two-hosts");
        // Warm both up on this instance, so neither gets a head start from a cold path.
        await a.Client.GetJsonAsync($"{Api.Instances}/{id}");
        await b.Client.GetJsonAsync($"{Api.Instances}/{id}");

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<HttpResponseMessage> Resume(HostProcess host) => Task.Run(async () =>
        {
            await go.Task;
            return await host.Client.PostAsync(Api.ResumeUrl(id, bookmark), Api.Json("""{ "outcome": "Approve" }"""));
        });
        var fromA = Resume(a);
        var fromB = Resume(b);
        go.SetResult();
        var responses = await Task.WhenAll(fromA, fromB);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var details = await a.Client.GetJsonAsync($"{Api.Instances}/{id}");
        Assert.Equal("Completed", details["summary"]!["status"]!.GetValue<string>());
        Assert.Single(details["journal"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "Resumed");
    }

    [Fact]
    public async Task RunningInstance_SurvivesAHostRestart_AndCompletesWhenResumed()
    {
        var settings = Settings(await postgres.CreateDatabaseAsync("host_restart"));
        string id, bookmark;
        await using (var first = await HostProcess.StartAsync(settings))
        {
            await first.Client.SignInAsync(Roles.ProcessOwner);
            (id, bookmark) = await first.Client.StartApprovalAsync("survives-restart");
            await first.StopAsync();
            Assert.True(first.ExitCode == 0, $"The Host exited with {first.ExitCode} on SIGTERM. Output:\n{first.Output}");
        }

        await using var second = await HostProcess.StartAsync(settings);
        await second.Client.SignInAsync(Roles.ProcessOwner);
        var resumed = await second.Client.PostAsync(Api.ResumeUrl(id, bookmark), Api.Json("""{ "outcome": "Reject" }"""));

        await resumed.AssertStatusAsync(HttpStatusCode.OK);
        var details = await second.Client.GetJsonAsync($"{Api.Instances}/{id}");
        Assert.Equal("Completed", details["summary"]!["status"]!.GetValue<string>());
        Assert.Equal("Reject", details["state"]!["variables"]!["decision"]!.GetValue<string>());
    }

    private static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["ConnectionStrings:AfterSales"] = connectionString,
        ["Workflows:SeedFolder"] = HostFactory.NoSeeds,
        ["Seed:Password"] = Users.Password,
    };
}
