using System.Net;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Cases;

[Collection(PostgresCollection.Name)]
public sealed class CaseNumberTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task OpenCase_Answers201WithTheYearsNextNumber_StartsTheKindsWorkflow_AndPutsItsFirstTaskInTheRolesInbox()
    {
        await Client.PublishProcessesAsync();
        var year = DateTime.UtcNow.Year;

        var response = await Client.PostAsync(CaseApi.Cases, Api.Json(CaseApi.NewCase().ToJsonString()));

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        var id = created.Text("id");
        Assert.Equal($"/api/cases/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(($"AS-{year}-000001", "complaint", "open"), (created.Text("number"), created.Text("kind"), created.Text("status")));
        Assert.Equal("li.wei@example.com", created["customer"].Text("email"));
        Assert.Equal(2, created["quantities"]!["hosts"]!.GetValue<int>());

        var instance = await Client.GetJsonAsync($"{Api.Instances}/{created.Text("workflowInstanceId")}");
        Assert.Equal(("complaint", "Suspended", id), (instance["summary"].Text("definitionId"), instance["summary"].Text("status"), instance["summary"].Text("correlationId")));

        var inbox = (await Client.GetJsonAsync($"{CaseApi.Tasks}?role=aftersales&status=open&caseId={id}"))["items"]!.AsArray();
        var task = Assert.Single(inbox)!;
        Assert.Equal(("firstResponse", $"AS-{year}-000001", "open"), (task.Text("activityId"), task.Text("caseNumber"), task.Text("status")));

        Assert.Equal($"AS-{year}-000002", (await Client.OpenCaseAsync(CaseApi.NewCase(kind: "return_goods"))).Text("number"));
    }
}
