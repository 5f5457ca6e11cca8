using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Instances;

[Collection(PostgresCollection.Name)]
public sealed class WorkflowInstanceTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task HumanTaskWorkflow_RunsFromCreateToCompleted_ThroughTheApi()
    {
        var created = await Client.PostAsync(Api.Definitions, Api.Json(Samples.Approval("end-to-end")));
        await created.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("end-to-end", (await Client.GetJsonAsync($"{Api.Definitions}/end-to-end"))["definitionId"]!.GetValue<string>());
        await (await Client.PostAsync($"{Api.Definitions}/end-to-end/publish", null)).AssertStatusAsync(HttpStatusCode.OK);

        var started = await Client.StartAsync("end-to-end", new JsonObject { ["caseNumber"] = "RMA-7" }, correlationId: "case-7");
        var id = started["summary"]!["id"]!.GetValue<string>();
        Assert.Equal("Suspended", started["summary"]!["status"]!.GetValue<string>());
        Assert.Equal("case-7", started["summary"]!["correlationId"]!.GetValue<string>());

        var details = await Client.GetJsonAsync($"{Api.Instances}/{id}");
        Assert.Equal("Suspended", details["state"]!["status"]!.GetValue<string>());
        var task = Assert.Single(details["bookmarks"]!.AsArray())!;
        Assert.Equal("HumanTask", task["name"]!.GetValue<string>());
        Assert.Equal("aftersales", task["payload"]!["role"]!.GetValue<string>());
        Assert.NotEmpty(details["journal"]!.AsArray());
        Assert.Empty(details["incidents"]!.AsArray());

        var resumed = await Client.PostAsync(Api.ResumeUrl(id, task["id"]!.GetValue<string>()),
            Api.Json("""{ "outcome": "Approve", "user": "li.lei" }"""));

        await resumed.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Completed", (await resumed.ReadJsonAsync())["summary"]!["status"]!.GetValue<string>());
        var after = await Client.GetJsonAsync($"{Api.Instances}/{id}");
        Assert.Equal("Completed", after["summary"]!["status"]!.GetValue<string>());
        Assert.Equal("Approve", after["state"]!["variables"]!["decision"]!.GetValue<string>());
        Assert.Empty(after["bookmarks"]!.AsArray());
        Assert.NotNull(after["summary"]!["finishedAt"]);
    }

    [Fact]
    public async Task Signal_ResumesTheInstanceWaitingForIt_WithThePayload()
    {
        await Client.PublishAsync(Samples.WaitsForSignal("signalled", "goods-received"));
        var id = (await Client.StartAsync("signalled"))["summary"]!["id"]!.GetValue<string>();

        var response = await Client.PostAsync($"{Api.Instances}/{id}/signals/goods-received", Api.Json("""{ "quantity": 3 }"""));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var state = (await response.ReadJsonAsync())["state"]!;
        Assert.Equal("Completed", state["status"]!.GetValue<string>());
        Assert.Equal(3, state["variables"]!["received"]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_FiltersByDefinitionStatusAndCorrelation_AndPages()
    {
        await Client.PublishAsync(Samples.Approval("listed"));
        var first = await Client.StartAsync("listed", new JsonObject { ["caseNumber"] = "1" }, "listed-a");
        await Client.StartAsync("listed", new JsonObject { ["caseNumber"] = "2" }, "listed-b");
        await Client.StartAsync("listed", new JsonObject { ["caseNumber"] = "3" }, "listed-b");
        var firstId = first["summary"]!["id"]!.GetValue<string>();
        await (await Client.PostAsync($"{Api.Instances}/{firstId}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);

        var all = await Client.GetJsonAsync($"{Api.Instances}?definitionId=listed&pageSize=2");
        var suspended = await Client.GetJsonAsync($"{Api.Instances}?definitionId=listed&status=suspended");
        var correlated = await Client.GetJsonAsync($"{Api.Instances}?correlationId=listed-a");

        Assert.Equal(3, all["total"]!.GetValue<long>());
        Assert.Equal(2, all["items"]!.AsArray().Count);
        Assert.Equal(2, suspended["total"]!.GetValue<long>());
        Assert.Equal(firstId, Assert.Single(correlated["items"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_CancelsASuspendedInstance_AndDropsItsBookmarks()
    {
        var (id, _) = await Client.StartApprovalAsync("cancelled");

        var response = await Client.PostAsync($"{Api.Instances}/{id}/cancel", null);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var details = await Client.GetJsonAsync($"{Api.Instances}/{id}");
        Assert.Equal("Cancelled", details["summary"]!["status"]!.GetValue<string>());
        Assert.Empty(details["bookmarks"]!.AsArray());
    }

    [Fact]
    public async Task Retry_RunsAFaultedInstanceAgainFromTheFailedStep()
    {
        await Client.PublishAsync(Samples.Faulting("faulting"));
        var started = await Client.StartAsync("faulting");
        var id = started["summary"]!["id"]!.GetValue<string>();
        Assert.Equal("Faulted", started["summary"]!["status"]!.GetValue<string>());

        var response = await Client.PostAsync($"{Api.Instances}/{id}/retry", null);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var details = await Client.GetJsonAsync($"{Api.Instances}/{id}");
        Assert.Equal("Faulted", details["summary"]!["status"]!.GetValue<string>()); // the script still throws
        var incidents = details["incidents"]!.AsArray();
        Assert.Equal(2, incidents.Count);
        Assert.All(incidents, i => Assert.Equal("boom", i!["activityId"]!.GetValue<string>()));
        Assert.NotNull(incidents[0]!["resolvedAt"]);
    }

    [Fact]
    public async Task Start_RunsTheRequestedVersion_WhenOneIsGiven()
    {
        await Client.PublishAsync(Samples.Approval("by-version", "Old"));
        await Client.PublishAsync(Samples.Approval("by-version", "New"));

        var response = await Client.PostAsJsonAsync(Api.Instances, new { definitionId = "by-version", version = 1, input = new { caseNumber = "1" } });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var started = await response.ReadJsonAsync();
        Assert.Equal(1, started["summary"]!["definitionVersion"]!.GetValue<int>());
        Assert.Equal("Old", started["state"]!["bookmarks"]![0]!["payload"]!["title"]!.GetValue<string>());
    }
}
