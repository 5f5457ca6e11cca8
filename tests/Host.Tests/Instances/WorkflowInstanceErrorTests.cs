using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Instances;

/// <summary>Every refusal is a problem naming what is wrong, and changes nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkflowInstanceErrorTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Start_Answers400NamingTheInput_WhenARequiredInputIsMissing_AndStartsNothing()
    {
        await Client.PublishAsync(Samples.Approval("needs-input"));

        var response = await Client.PostAsJsonAsync(Api.Instances, new { definitionId = "needs-input", input = new { } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "input.caseNumber");
        Assert.Equal(0, (await Client.GetJsonAsync($"{Api.Instances}?definitionId=needs-input"))["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Start_Answers400NamingTheInput_WhenAnInputHasTheWrongType()
    {
        await Client.PublishAsync(Samples.Approval("typed-input"));

        var response = await Client.PostAsJsonAsync(Api.Instances, new { definitionId = "typed-input", input = new { caseNumber = 42 } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "input.caseNumber");
    }

    [Fact]
    public async Task Start_Answers400_WhenTheDefinitionIdIsMissing()
    {
        var response = await Client.PostAsJsonAsync(Api.Instances, new { version = 1 });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "definitionId");
    }

    [Fact]
    public async Task Start_Answers400_WhenTheBodyIsNotJson()
    {
        var response = await Client.PostAsync(Api.Instances, Api.Json("{ definitionId: "));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Start_Answers404_ForAnUnknownOrUnpublishedDefinitionOrVersion()
    {
        await (await Client.PostAsync(Api.Definitions, Api.Json(Samples.Approval("unpublished")))).AssertStatusAsync(HttpStatusCode.Created);
        await Client.PublishAsync(Samples.Approval("published-once"));

        await (await Client.PostAsJsonAsync(Api.Instances, new { definitionId = "no-such" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostAsJsonAsync(Api.Instances, new { definitionId = "unpublished" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostAsJsonAsync(Api.Instances, new { definitionId = "published-once", version = 9 })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/retry")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/bookmarks/b1/resume")]
    [InlineData("POST", "/signals/goods-received")]
    public async Task InstanceCalls_Answer404_ForAnUnknownInstance(string method, string path)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{Api.Instances}/no-such-instance{path}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-instance", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resume_Answers409_WhenTheBookmarkWasConsumedAlready()
    {
        var (id, bookmark) = await Client.StartApprovalAsync("consumed");
        await (await Client.PostAsync(Api.ResumeUrl(id, bookmark), Api.Json("""{ "outcome": "Approve" }"""))).AssertStatusAsync(HttpStatusCode.OK);

        var again = await Client.PostAsync(Api.ResumeUrl(id, bookmark), Api.Json("""{ "outcome": "Reject" }"""));

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        var details = await Client.GetJsonAsync($"{Api.Instances}/{id}");
        Assert.Equal("Approve", details["state"]!["variables"]!["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resume_Answers400NamingTheField_WhenThePayloadIsRejected_AndTheTaskStillWaits()
    {
        var (id, bookmark) = await Client.StartApprovalAsync("rejected-payload");

        var response = await Client.PostAsync(Api.ResumeUrl(id, bookmark), Api.Json("""{ "outcome": "Maybe" }"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "outcome");
        Assert.Contains("Maybe", problem["errors"]!["outcome"]![0]!.GetValue<string>());
        var details = await Client.GetJsonAsync($"{Api.Instances}/{id}");
        Assert.Equal("Suspended", details["summary"]!["status"]!.GetValue<string>());
        Assert.Equal(bookmark, Assert.Single(details["bookmarks"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resume_Answers400NamingThePath_WhenThePayloadIsNotJson()
    {
        var (id, bookmark) = await Client.StartApprovalAsync("not-json-payload");

        var response = await Client.PostAsync(Api.ResumeUrl(id, bookmark), Api.Json("{ \"outcome\": "));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Suspended", (await Client.GetJsonAsync($"{Api.Instances}/{id}"))["summary"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Signal_Answers404_WhenTheInstanceWaitsForNoSuchSignal()
    {
        await Client.PublishAsync(Samples.WaitsForSignal("waits-for-other", "goods-received"));
        var id = (await Client.StartAsync("waits-for-other"))["summary"]!["id"]!.GetValue<string>();

        var response = await Client.PostAsync($"{Api.Instances}/{id}/signals/customer-replied", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("customer-replied", problem["detail"]!.GetValue<string>());
        Assert.Equal("Suspended", (await Client.GetJsonAsync($"{Api.Instances}/{id}"))["summary"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retry_Answers409_WhenTheInstanceIsNotFaulted()
    {
        var (id, _) = await Client.StartApprovalAsync("not-faulted");

        var response = await Client.PostAsync($"{Api.Instances}/{id}/retry", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancel_Answers409_WhenTheInstanceHasFinished()
    {
        var (id, _) = await Client.StartApprovalAsync("finished");
        await (await Client.PostAsync($"{Api.Instances}/{id}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);

        var response = await Client.PostAsync($"{Api.Instances}/{id}/cancel", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task List_Answers400NamingTheParameter_WhenItIsInvalid(string query, string field)
    {
        var response = await Client.GetAsync($"{Api.Instances}?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
