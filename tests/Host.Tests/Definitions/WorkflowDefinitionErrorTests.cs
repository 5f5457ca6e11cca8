using System.Net;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Definitions;

/// <summary>Every refusal is a problem naming what is wrong, and writes nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkflowDefinitionErrorTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Theory]
    [InlineData("{", "$")]
    [InlineData("""{ "definitionId": "x", "root": { "activities": [ { "type": "Start" } ] } }""", "$.root.activities[0].id")]
    [InlineData("""{ "name": "no id", "root": { "activities": [] } }""", "$.definitionId")]
    public async Task Create_Answers400NamingTheJsonPath_WhenTheJsonIsMalformed_AndWritesNothing(string json, string path)
    {
        var before = await Client.CountDefinitionsAsync();

        var response = await Client.PostAsync(Api.Definitions, Api.Json(json));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, path);
        Assert.Equal(before, await Client.CountDefinitionsAsync());
    }

    [Fact]
    public async Task Create_Answers400WithErrorsByActivityAndField_WhenTheDefinitionIsInvalid_AndWritesNothing()
    {
        var before = await Client.CountDefinitionsAsync();
        var invalid = Samples.Approval("invalid").Replace("\"role\": \"aftersales\", ", "");

        var response = await Client.PostAsync(Api.Definitions, Api.Json(invalid));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "approve.role");
        Assert.Equal("is required", problem["errors"]!["approve.role"]![0]!.GetValue<string>());
        Assert.Equal(before, await Client.CountDefinitionsAsync());
    }

    [Fact]
    public async Task Save_Answers400_WhenTheBodyNamesAnotherDefinitionThanTheRoute_AndWritesNothing()
    {
        await Client.PublishAsync(Samples.Approval("route-id"));

        var response = await Client.PutAsync($"{Api.Definitions}/route-id", Api.Json(Samples.Approval("body-id")));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "definitionId");
        Assert.Single((await Client.GetJsonAsync($"{Api.Definitions}/route-id/versions")).AsArray());
        await (await Client.GetAsync($"{Api.Definitions}/body-id")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Save_Answers400_WhenTheNewVersionIsInvalid_AndKeepsThePublishedOne()
    {
        await Client.PublishAsync(Samples.Approval("keeps-published"));
        var invalid = Samples.Approval("keeps-published").Replace("\"type\": \"End\"", "\"type\": \"Nope\"");

        var response = await Client.PutAsync($"{Api.Definitions}/keeps-published", Api.Json(invalid));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "end.type");
        var versions = (await Client.GetJsonAsync($"{Api.Definitions}/keeps-published/versions")).AsArray();
        Assert.True(Assert.Single(versions)!["isPublished"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("/api/workflow-definitions/unknown")]
    [InlineData("/api/workflow-definitions/unknown/versions")]
    [InlineData("/api/workflow-definitions/unknown/export")]
    public async Task Get_Answers404_ForAnUnknownDefinition(string url)
    {
        var problem = await (await Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("'unknown'", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Answers404_ForAnUnknownVersion()
    {
        await Client.PublishAsync(Samples.Approval("one-version"));

        await (await Client.GetAsync($"{Api.Definitions}/one-version?version=7")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"{Api.Definitions}/one-version/export?version=7")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("retract")]
    public async Task PublishAndRetract_Answer404_ForAnUnknownDefinition(string action)
    {
        var response = await Client.PostAsync($"{Api.Definitions}/unknown/{action}", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Retract_Answers409_WhenNoVersionIsPublished()
    {
        await (await Client.PostAsync(Api.Definitions, Api.Json(Samples.Approval("draft-only")))).AssertStatusAsync(HttpStatusCode.Created);

        var response = await Client.PostAsync($"{Api.Definitions}/draft-only/retract", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Validate_Answers400NamingThePath_OnlyWhenTheJsonIsMalformed()
    {
        var response = await Client.PostAsync($"{Api.Definitions}/validate", Api.Json("""{ "definitionId": "v", "root": { "activities": 3 } }"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "$.root.activities");
    }

    [Fact]
    public async Task Import_Answers400NamingThePath_WhenTheJsonIsMalformed_AndWritesNothing()
    {
        var before = await Client.CountDefinitionsAsync();

        var response = await Client.PostAsync($"{Api.Definitions}/import?publish=true", Api.Json("""{ "definitionId": 5, "root": { "activities": [] } }"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "$.definitionId");
        Assert.Equal(before, await Client.CountDefinitionsAsync());
    }

    [Fact]
    public async Task Get_Answers400_WhenTheVersionIsNotANumber()
    {
        await Client.PublishAsync(Samples.Approval("bad-version-query"));

        var response = await Client.GetAsync($"{Api.Definitions}/bad-version-query?version=latest");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("version", problem["detail"]!.GetValue<string>());
    }
}
