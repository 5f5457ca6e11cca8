using System.Net;
using System.Security.Claims;
using AfterSales.Host.Auth;
using AfterSales.Host.Jobs;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Host.Tests.Jobs;

/// <summary>How the Host sets up its jobs: options checked at start, the dashboard's gate, Hosts starting together.</summary>
[Collection(PostgresCollection.Name)]
public sealed class JobsSetupTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Start_FailsNamingEveryBadJobsOrSmtpSetting()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:AfterSales"] = await postgres.CreateDatabaseAsync("jobs_bad_options"),
            ["Workflows:SeedFolder"] = HostFactory.NoSeeds,
            ["Jobs:TimerPollInterval"] = "00:00:00",
            ["Jobs:TimerBatchSize"] = "0",
            ["Jobs:TimeZone"] = "Mars/Olympus_Mons",
            ["Smtp:From"] = "not an address",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Jobs:TimerPollInterval", output);
        Assert.Contains("Jobs:TimerBatchSize", output);
        Assert.Contains("Jobs:TimeZone 'Mars/Olympus_Mons'", output);
        Assert.Contains("Smtp:From", output);
    }

    [Fact]
    public async Task HostsStartingTogether_OnAnEmptyDatabase_InstallHangfiresSchemaOnce()
    {
        var database = await postgres.CreateDatabaseAsync("jobs_start_together");

        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => JobsHost.Start(database))));
        try
        {
            Assert.True(await hosts[0].ScalarAsync("select max(version) from hangfire.schema") >= 23);
            Assert.Equal(1, await hosts[0].ScalarAsync("select count(*) from hangfire.schema"));
            // The weekly summary, the monthly statistics and the follow-ups.
            Assert.Equal(3, await hosts[0].ScalarAsync("select count(*) from hangfire.set where key = 'recurring-jobs'"));
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Dashboard_IsForAdmins_WhenTheRequestIsNotLocal()
    {
        var database = await postgres.CreateDatabaseAsync("jobs_dashboard");
        await using var factory = new HostFactory(database);
        await Users.AddTesterAsync(factory.Services);
        using var anonymous = factory.CreateClient();
        using var notAdmin = await factory.CreateClient().SignInAsync("aftersales");
        using var admin = await factory.CreateClient().SignInAsync(Roles.Admin);

        // The test server's requests carry no remote address: they do not count as local.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await notAdmin.GetAsync("/hangfire")).StatusCode);
        await (await admin.GetAsync("/hangfire")).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public void DashboardFilter_DoesNotTakeAProxiedRequestForALocalOne()
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Request.Headers["X-Forwarded-For"] = "203.0.113.7";

        Assert.False(new DashboardAuthorizationFilter(allowLocalRequests: true).Authorize(http));
    }

    [Theory]
    [InlineData("127.0.0.1", null, true, true)]
    [InlineData("::1", null, true, true)]
    [InlineData("127.0.0.1", null, false, false)]
    [InlineData("10.1.2.3", null, true, false)]
    [InlineData("10.1.2.3", Roles.Admin, false, true)]
    [InlineData("10.1.2.3", "aftersales", true, false)]
    public void DashboardFilter_AllowsAdmins_AndLocalRequestsWhenConfigured(string remote, string? role, bool allowLocal, bool allowed)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = IPAddress.Parse("10.9.9.9");
        if (role is not null)
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        Assert.Equal(allowed, new DashboardAuthorizationFilter(allowLocal).Authorize(http));
    }
}
