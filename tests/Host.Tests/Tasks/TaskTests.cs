using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Tasks;

[Collection(PostgresCollection.Name)]
public sealed class TaskTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    private static JsonObject ServiceReport(string caseNumber) => JsonNode.Parse($$"""
        {
          "caseNumber": "{{caseNumber}}",
          "engineer": "孙浩",
          "customer": "东莞市立信包装有限公司",
          "serviceDate": "2026-03-18",
          "workDone": "重新刷写固件并恢复参数",
          "hoursSpent": 3.5,
          "materials": [ { "name": "纽扣电池", "spec": "CR2032", "qty": 1, "cost": 5 } ],
          "travelCost": 240,
          "resolved": true
        }
        """)!.AsObject();

    [Fact]
    public async Task GetTask_ShowsWhatTheTaskAsks()
    {
        var (caseId, task) = await OpenCaseAsync();

        var shown = await Client.GetJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}");

        Assert.Equal((caseId, "aftersales", "open", "firstResponse"), (shown.Text("caseId"), shown.Text("role"), shown.Text("status"), shown.Text("activityId")));
        Assert.Equal(["Done"], shown["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.NotNull(shown["dueAt"]);
        Assert.StartsWith("First response to Li Wei", shown.Text("title"));
        await (await Client.GetAsync($"{CaseApi.Tasks}/nope")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetTask_NamesTheOutcomesThatNeedAReason_InTheTaskAndTheList()
    {
        await Client.PublishProcessesAsync();
        var caseId = (await Client.OpenCaseAsync(CaseApi.NewCase(kind: "return_goods"))).Text("id");
        var firstResponse = await Client.CompleteAsync(caseId, "firstResponse");

        var review = Assert.Single(await Client.OpenTasksAsync(caseId))!;
        var shown = await Client.GetJsonAsync($"{CaseApi.Tasks}/{review.Text("id")}");

        Assert.Equal("review", shown.Text("activityId"));
        Assert.Equal(["Reject"], Texts(shown["reasonRequiredFor"]));
        Assert.Equal(["Reject"], Texts(review["reasonRequiredFor"]));
        Assert.Empty(Texts(firstResponse["reasonRequiredFor"]));
    }

    [Fact]
    public async Task ListTasks_FiltersByRoleStatusAndCase_AndPages()
    {
        var (caseId, _) = await OpenCaseAsync();
        await Client.CompleteAsync(caseId, "firstResponse");

        var completed = await Client.GetJsonAsync($"{CaseApi.Tasks}?caseId={caseId}&status=completed");
        Assert.Equal("firstResponse", Assert.Single(completed["items"]!.AsArray()).Text("activityId"));
        var open = await Client.GetJsonAsync($"{CaseApi.Tasks}?caseId={caseId}&status=open&role=aftersales");
        Assert.Equal("triage", Assert.Single(open["items"]!.AsArray()).Text("activityId"));
        Assert.Empty((await Client.GetJsonAsync($"{CaseApi.Tasks}?caseId={caseId}&role=sales"))["items"]!.AsArray());
        var paged = await Client.GetJsonAsync($"{CaseApi.Tasks}?caseId={caseId}&pageSize=1&page=2");
        Assert.Equal((2, 1), (paged["total"]!.GetValue<int>(), paged["items"]!.AsArray().Count));
        await (await Client.GetAsync($"{CaseApi.Tasks}?status=done")).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task ClaimTask_TakesItForTheUser_AndAnotherUserGets409()
    {
        var (_, task) = await OpenCaseAsync();
        var url = $"{CaseApi.Tasks}/{task.Text("id")}/claim";

        var claimed = await Client.PostAsync(url, null);

        await claimed.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(("claimed", "tester"), ((await claimed.ReadJsonAsync()).Text("status"), (await claimed.ReadJsonAsync()).Text("claimedBy")));
        await (await Client.PostAsync(url, null)).AssertStatusAsync(HttpStatusCode.OK);
        var colleague = await ClientAsAsync("aftersales");
        await (await colleague.PostAsync(url, null)).AssertProblemAsync(HttpStatusCode.Conflict);
        var completion = await colleague.PostAsJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}/complete", new { outcome = "Done" });
        await completion.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("claimed", (await Client.GetJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}")).Text("status"));
    }

    [Fact]
    public async Task ATask_IsOnlyForUsersHoldingItsRole()
    {
        var (_, task) = await OpenCaseAsync();
        var sales = await ClientAsAsync("sales");

        await (await sales.PostAsync($"{CaseApi.Tasks}/{task.Text("id")}/claim", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await sales.PostAsJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}/complete", new { outcome = "Done" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var own = await ClientAsAsync("aftersales");
        var completed = await own.PostAsJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}/complete", new { outcome = "Done" });
        await completed.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("aftersales", (await completed.ReadJsonAsync()).Text("completedBy"));
    }

    [Fact]
    public async Task CompleteTask_WithAnOutcomeItDoesNotOffer_Answers400_AndLeavesTheTaskOpen()
    {
        var (caseId, task) = await OpenCaseAsync();

        var response = await Client.PostAsJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}/complete", new { outcome = "Maybe" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "outcome");
        Assert.Equal("open", (await Client.GetJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}")).Text("status"));
        Assert.Equal("open", (await Client.GetJsonAsync($"{CaseApi.Cases}/{caseId}")).Text("status"));
        await (await Client.PostAsJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}/complete", new { form = new { } })).AssertProblemAsync(HttpStatusCode.BadRequest, "outcome");
    }

    [Fact]
    public async Task CompleteTask_WithAForm_ChecksItAgainstTheCatalog_ThenMovesTheCaseOn_AndTwiceIs409()
    {
        var (caseId, _) = await OpenCaseAsync();
        var number = (await Client.GetJsonAsync($"{CaseApi.Cases}/{caseId}")).Text("number");
        await Client.CompleteAsync(caseId, "firstResponse");
        await Client.CompleteAsync(caseId, "triage", "OnSite");
        await Client.CompleteAsync(caseId, "dispatch");
        var task = (await Client.OpenTasksAsync(caseId)).Single()!;
        Assert.Equal(("onSite", "ServiceReport"), (task.Text("activityId"), task.Text("form")));
        var url = $"{CaseApi.Tasks}/{task.Text("id")}/complete";

        var missing = await Client.PostAsJsonAsync(url, new { outcome = "Done" });
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "form");
        var bad = ServiceReport(number);
        bad["hoursSpent"] = "three";
        bad.Remove("engineer");
        var invalid = await Client.PostAsJsonAsync(url, new JsonObject { ["outcome"] = "Done", ["form"] = bad });
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "form.hoursSpent");
        Assert.NotNull(problem["errors"]!["form.engineer"]);
        Assert.Equal("open", (await Client.GetJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}")).Text("status"));

        var done = await Client.PostAsJsonAsync(url, new JsonObject { ["outcome"] = "Done", ["form"] = ServiceReport(number) });

        await done.AssertStatusAsync(HttpStatusCode.OK);
        var completed = await done.ReadJsonAsync();
        Assert.Equal(("completed", "Done", "tester"), (completed.Text("status"), completed.Text("outcome"), completed.Text("completedBy")));
        var details = await Client.GetJsonAsync($"{CaseApi.Cases}/{caseId}");
        Assert.Equal("孙浩", details["forms"]!["ServiceReport"]!["data"].Text("engineer"));
        await (await Client.PostAsJsonAsync(url, new JsonObject { ["outcome"] = "Done", ["form"] = ServiceReport(number) })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ATaskResumedThroughTheInstanceApi_IsCompleted_WithItsWholeForm()
    {
        var (_, task) = await OpenCaseAsync();
        // Longer than the journal keeps of a value (1,024 characters): the task row must not depend on the journal.
        var form = new JsonObject { ["note"] = new string('x', 5000) };

        var resumed = await Client.PostAsJsonAsync(Api.ResumeUrl(task.Text("instanceId"), task.Text("id")),
            new JsonObject { ["outcome"] = "Done", ["user"] = "tester", ["form"] = form });

        await resumed.AssertStatusAsync(HttpStatusCode.OK);
        var completed = await Client.GetJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}");
        Assert.Equal(("completed", "Done", "tester"), (completed.Text("status"), completed.Text("outcome"), completed.Text("completedBy")));
        Assert.Equal(5000, completed["formData"].Text("note").Length);
    }

    private static IEnumerable<string> Texts(JsonNode? list) => list!.AsArray().Select(o => o!.GetValue<string>());

    private async Task<(string CaseId, JsonNode Task)> OpenCaseAsync()
    {
        await Client.PublishProcessesAsync();
        var caseId = (await Client.OpenCaseAsync()).Text("id");
        return (caseId, Assert.Single(await Client.OpenTasksAsync(caseId))!);
    }
}
