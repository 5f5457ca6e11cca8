using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Auth;

/// <summary>A task is for its role: the tasks API lets only a user holding it claim or complete it (the jobs dashboard's admin check is in Jobs).</summary>
[Collection(PostgresCollection.Name)]
public sealed class TaskAccessTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Task_IsClaimedAndCompletedOnlyByAUserHoldingItsRole()
    {
        // The approval's human task is for the role aftersales; its task id is its bookmark id.
        var (_, taskId) = await Client.StartApprovalAsync("task-roles");
        var sales = await ClientAsAsync("sales");
        var aftersales = await ClientAsAsync("aftersales");

        var claim = await sales.PostAsync($"{CaseApi.Tasks}/{taskId}/claim", null);
        var complete = await sales.PostAsJsonAsync($"{CaseApi.Tasks}/{taskId}/complete", new { outcome = "Approve" });

        var problem = await claim.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("aftersales", problem["detail"]!.GetValue<string>());
        await complete.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("open", (await Client.GetJsonAsync($"{CaseApi.Tasks}/{taskId}"))["status"]!.GetValue<string>());

        var completed = await aftersales.PostAsJsonAsync($"{CaseApi.Tasks}/{taskId}/complete", new { outcome = "Approve" });

        await completed.AssertStatusAsync(HttpStatusCode.OK);
        var task = await completed.ReadJsonAsync();
        Assert.Equal("completed", task["status"]!.GetValue<string>());
        Assert.Equal("aftersales", task["completedBy"]!.GetValue<string>());
    }
}
