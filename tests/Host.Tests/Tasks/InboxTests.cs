using System.Net;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Tasks;

/// <summary>What the inbox page asks of <c>GET /api/tasks</c>, and giving a claimed task back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InboxTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Mine_ListsTheOpenTasksOfTheCallersRoles_WithTheCaseKindAndCustomer_ButNotTheirPhone()
    {
        var caseId = await OpenCaseAsync("Inbox Mine");
        var aftersales = await ClientAsAsync("aftersales");

        var mine = (await aftersales.GetJsonAsync($"{CaseApi.Tasks}?mine=true&caseId={caseId}"))["items"]!.AsArray();

        var task = Assert.Single(mine)!;
        Assert.Equal(("firstResponse", "complaint", "Inbox Mine", "深圳市华安电子有限公司"),
            (task.Text("activityId"), task.Text("caseKind"), task.Text("customerName"), task.Text("customerCompany")));
        Assert.DoesNotContain("0755-8866 1234", task.ToJsonString());
        var repair = await ClientAsAsync("repair");
        Assert.Empty((await repair.GetJsonAsync($"{CaseApi.Tasks}?mine=true&caseId={caseId}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Mine_LeavesOutDoneTasks_UnlessAStatusIsAsked()
    {
        var caseId = await OpenCaseAsync("Inbox Done");
        await Client.CompleteAsync(caseId, "firstResponse");
        var aftersales = await ClientAsAsync("aftersales");

        var open = (await aftersales.GetJsonAsync($"{CaseApi.Tasks}?mine=true&caseId={caseId}"))["items"]!.AsArray();
        var done = (await aftersales.GetJsonAsync($"{CaseApi.Tasks}?mine=true&caseId={caseId}&status=completed"))
            ["items"];

        Assert.Equal("triage", Assert.Single(open).Text("activityId"));
        Assert.Equal("firstResponse", Assert.Single(done!.AsArray()).Text("activityId"));
    }

    [Fact]
    public async Task Mine_OrdersTheOpenTasksOldestDueFirst_WithoutADueTimeLast()
    {
        foreach (var name in new[] { "Inbox Order 1", "Inbox Order 2", "Inbox Order 3" }) await OpenCaseAsync(name);
        var aftersales = await ClientAsAsync("aftersales");

        var items = (await aftersales.GetJsonAsync($"{CaseApi.Tasks}?mine=true&pageSize=500"))["items"]!.AsArray();

        Assert.True(items.Count >= 3);
        var due = items.Select(t => t!["dueAt"]?.GetValue<DateTimeOffset>()).ToList();
        var expected = due.Where(d => d is not null).Order().Concat(due.Where(d => d is null)).ToList();
        Assert.Equal(expected, due);
    }

    [Fact]
    public async Task Kind_FiltersByTheKindOfTheTasksCase_AndAnUnknownKindIs400()
    {
        var complaint = await OpenCaseAsync("Inbox Kind");

        var asComplaint = await Client.GetJsonAsync($"{CaseApi.Tasks}?kind=complaint&caseId={complaint}");
        var asReturn = await Client.GetJsonAsync($"{CaseApi.Tasks}?kind=return_goods&caseId={complaint}");

        Assert.Single(asComplaint["items"]!.AsArray());
        Assert.Empty(asReturn["items"]!.AsArray());
        var badKind = await Client.GetAsync($"{CaseApi.Tasks}?kind=repair");
        await badKind.AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
    }

    [Fact]
    public async Task Release_ReturnsTaskToTheRoleInbox_WhenClaimerReleasesIt()
    {
        var task = await FirstTaskAsync(await OpenCaseAsync("Inbox Release"));
        var aftersales = await ClientAsAsync("aftersales");
        await (await aftersales.PostAsync($"{CaseApi.Tasks}/{task}/claim", null)).AssertStatusAsync(HttpStatusCode.OK);

        var released = await aftersales.PostAsync($"{CaseApi.Tasks}/{task}/release", null);

        await released.AssertStatusAsync(HttpStatusCode.OK);
        var shown = await Client.GetJsonAsync($"{CaseApi.Tasks}/{task}");
        Assert.Equal("open", shown.Text("status"));
        Assert.Null(shown["claimedBy"]);
        Assert.Null(shown["claimedAt"]);
        // Back in the role's inbox: another holder of the role may claim it now.
        await (await Client.PostAsync($"{CaseApi.Tasks}/{task}/claim", null)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Release_OfAnotherUsersClaim_Is403_ButAnAfterSalesManagerMayDoIt()
    {
        var task = await FirstTaskAsync(await OpenCaseAsync("Inbox Release Others"));
        var aftersales = await ClientAsAsync("aftersales");
        await (await aftersales.PostAsync($"{CaseApi.Tasks}/{task}/claim", null)).AssertStatusAsync(HttpStatusCode.OK);

        var bySales = await (await ClientAsAsync("sales")).PostAsync($"{CaseApi.Tasks}/{task}/release", null);
        await bySales.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("aftersales", (await Client.GetJsonAsync($"{CaseApi.Tasks}/{task}")).Text("claimedBy"));

        var manager = await ClientAsAsync("aftersales_manager");
        var byManager = await manager.PostAsync($"{CaseApi.Tasks}/{task}/release", null);
        await byManager.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("open", (await byManager.ReadJsonAsync()).Text("status"));
    }

    [Fact]
    public async Task Release_Answers409_WhenTheTaskIsNotClaimedOrDone_And404_WhenUnknown()
    {
        var caseId = await OpenCaseAsync("Inbox Release 409");
        var task = await FirstTaskAsync(caseId);

        await (await ReleaseAsync(task)).AssertProblemAsync(HttpStatusCode.Conflict);
        await Client.CompleteAsync(caseId, "firstResponse");
        await (await ReleaseAsync(task)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("completed", (await Client.GetJsonAsync($"{CaseApi.Tasks}/{task}")).Text("status"));
        await (await ReleaseAsync("nope")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<string> OpenCaseAsync(string customer)
    {
        await Client.PublishProcessesAsync();
        return (await Client.OpenCaseAsync(CaseApi.NewCase(customer: customer))).Text("id");
    }

    private async Task<string> FirstTaskAsync(string caseId) =>
        Assert.Single(await Client.OpenTasksAsync(caseId)).Text("id");

    private Task<HttpResponseMessage> ReleaseAsync(string taskId) =>
        Client.PostAsync($"{CaseApi.Tasks}/{taskId}/release", null);
}
