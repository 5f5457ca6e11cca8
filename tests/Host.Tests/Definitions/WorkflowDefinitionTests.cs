using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Definitions;

[Collection(PostgresCollection.Name)]
public sealed class WorkflowDefinitionTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Create_Answers201WithTheDraft_AndGetAnswersItsWorkflowJson()
    {
        var response = await Client.PostAsync(Api.Definitions, Api.Json(Samples.Approval("create-get")));

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("/api/workflow-definitions/create-get", response.Headers.Location?.OriginalString);
        var info = await response.ReadJsonAsync();
        Assert.Equal(1, info["version"]!.GetValue<int>());
        Assert.False(info["isPublished"]!.GetValue<bool>());
        var json = await Client.GetJsonAsync($"{Api.Definitions}/create-get");
        Assert.Equal("create-get", json["definitionId"]!.GetValue<string>());
        Assert.Equal("Flowchart", json["root"]!["type"]!.GetValue<string>());
        Assert.Equal("退货审批", json["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_AnswersTheLatestVersionOfEachDefinition()
    {
        await Client.PublishAsync(Samples.Approval("list-latest"));
        await Client.PutAsync($"{Api.Definitions}/list-latest", Api.Json(Samples.Approval("list-latest", "Second version")));

        var list = (await Client.GetJsonAsync(Api.Definitions)).AsArray();

        var latest = Assert.Single(list, d => d!["definitionId"]!.GetValue<string>() == "list-latest")!;
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.True(latest["isLatest"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Versions_ListEveryVersionNewestFirst_AndGetAnswersTheOneAskedFor()
    {
        await Client.PublishAsync(Samples.Approval("versions", "First"));
        var saved = await Client.PutAsync($"{Api.Definitions}/versions", Api.Json(Samples.Approval("versions", "Second")));
        await saved.AssertStatusAsync(HttpStatusCode.OK);

        var versions = (await Client.GetJsonAsync($"{Api.Definitions}/versions/versions")).AsArray();

        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal([false, true], versions.Select(v => v!["isPublished"]!.GetValue<bool>()));
        var first = await Client.GetJsonAsync($"{Api.Definitions}/versions?version=1");
        Assert.Equal("First", Title(first));
        Assert.Equal("Second", Title(await Client.GetJsonAsync($"{Api.Definitions}/versions")));
    }

    [Fact]
    public async Task Export_DownloadsTheCanonicalJson_AndImportReadsItBackAsTheNextVersion()
    {
        await Client.PublishAsync(Samples.Approval("round-trip"));

        var export = await Client.GetAsync($"{Api.Definitions}/round-trip/export");
        await export.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("round-trip.json", export.Content.Headers.ContentDisposition?.FileName);
        var exported = await export.Content.ReadAsStringAsync();

        var imported = await Client.PostAsync($"{Api.Definitions}/import?publish=true", Api.Json(exported));

        await imported.AssertStatusAsync(HttpStatusCode.Created);
        var info = await imported.ReadJsonAsync();
        Assert.Equal(2, info["version"]!.GetValue<int>());
        Assert.True(info["isPublished"]!.GetValue<bool>());
        var reExported = await (await Client.GetAsync($"{Api.Definitions}/round-trip/export?version=2")).Content.ReadAsStringAsync();
        Assert.Equal(exported.Replace("\"version\": 1,", "\"version\": 2,"), reExported);
    }

    [Fact]
    public async Task Import_SavesADraft_UnlessAskedToPublish()
    {
        var imported = await Client.PostAsync($"{Api.Definitions}/import", Api.Json(Samples.Approval("import-draft")));

        await imported.AssertStatusAsync(HttpStatusCode.Created);
        Assert.False((await imported.ReadJsonAsync())["isPublished"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Validate_AnswersValid_ForAGoodDefinition_WithoutSavingIt()
    {
        var response = await Client.PostAsync($"{Api.Definitions}/validate", Api.Json(Samples.Approval("validate-good")));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.True((await response.ReadJsonAsync())["valid"]!.GetValue<bool>());
        await (await Client.GetAsync($"{Api.Definitions}/validate-good")).AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Validate_Answers200WithTheProblems_ForAnInvalidDefinition()
    {
        var invalid = Samples.Approval("validate-bad").Replace("\"type\": \"HumanTask\"", "\"type\": \"NoSuchActivity\"");

        var response = await Client.PostAsync($"{Api.Definitions}/validate", Api.Json(invalid));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        Assert.False(body["valid"]!.GetValue<bool>());
        var problem = Assert.Single(body["problems"]!.AsArray(), p => p!["severity"]!.GetValue<string>() == "Error")!;
        Assert.Equal("approve", problem["activityId"]!.GetValue<string>());
        Assert.Equal("type", problem["field"]!.GetValue<string>());
        Assert.Contains("NoSuchActivity", problem["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retract_UnpublishesTheDefinition_SoNoNewInstanceStarts()
    {
        await Client.PublishAsync(Samples.Approval("retracted"));

        var retract = await Client.PostAsync($"{Api.Definitions}/retracted/retract", null);

        await retract.AssertStatusAsync(HttpStatusCode.OK);
        Assert.False((await retract.ReadJsonAsync())["isPublished"]!.GetValue<bool>());
        var start = await Client.PostAsync(Api.Instances, Api.Json("""{ "definitionId": "retracted", "input": { "caseNumber": "1" } }"""));
        await start.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static string Title(JsonNode definition) =>
        definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "approve")!["title"]!["value"]!.GetValue<string>();
}
