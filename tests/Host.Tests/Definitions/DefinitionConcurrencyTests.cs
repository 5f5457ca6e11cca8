using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Definitions;

/// <summary>
/// Two process owners on one workflow: writes carry the ETag the writer read (<c>If-Match</c>), a stale one is refused
/// with 409 and writes nothing; the list and the versions say who changed what and when.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DefinitionConcurrencyTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task TheSecondOfTwoSavesFromTheSameRead_IsRefusedWith409_AndTheFirstIsKept()
    {
        await Client.PublishAsync(Samples.Approval("two-editors", "Loaded"));
        var etag = await ETagAsync("two-editors");
        var owner = await ClientAsAsync("process_owner");

        var first = await PutAsync(owner, "two-editors", "First editor", etag);
        await first.AssertStatusAsync(HttpStatusCode.OK);
        var second = await PutAsync(Client, "two-editors", "Second editor", etag);

        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("process_owner", problem["changedBy"]!.GetValue<string>());
        Assert.Equal(first.Headers.ETag!.Tag, problem["currentETag"]!.GetValue<string>());
        Assert.Contains("save yours as a copy", problem["detail"]!.GetValue<string>());
        Assert.Equal("First editor", Title(await Client.GetJsonAsync($"{Api.Definitions}/two-editors")));
        var retried = await PutAsync(Client, "two-editors", "Second editor", first.Headers.ETag!.Tag);
        await retried.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Second editor", Title(await Client.GetJsonAsync($"{Api.Definitions}/two-editors")));
    }

    [Fact]
    public async Task PublishingOrRetractingWithAStaleETag_IsRefused_AndChangesNothing()
    {
        await Client.PublishAsync(Samples.Approval("stale-publish", "v1"));
        var read = await ETagAsync("stale-publish");
        var saved = await PutAsync(Client, "stale-publish", "v2", read);
        await saved.AssertStatusAsync(HttpStatusCode.OK);

        // Publishing what the person has not seen (v2 came after their read) is refused.
        var publish = await SendAsync(HttpMethod.Post, "stale-publish/publish", read);
        await publish.AssertProblemAsync(HttpStatusCode.Conflict);
        var retract = await SendAsync(HttpMethod.Post, "stale-publish/retract", read);
        await retract.AssertProblemAsync(HttpStatusCode.Conflict);

        var versions = (await Client.GetJsonAsync($"{Api.Definitions}/stale-publish/versions")).AsArray();
        Assert.Equal(["draft", "published"], versions.Select(v => v!["state"]!.GetValue<string>()));
        var current = saved.Headers.ETag!.Tag;
        await (await SendAsync(HttpMethod.Post, "stale-publish/publish", current)).AssertStatusAsync(HttpStatusCode.OK);
        versions = (await Client.GetJsonAsync($"{Api.Definitions}/stale-publish/versions")).AsArray();
        Assert.Equal(["published", "retired"], versions.Select(v => v!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EveryWrite_ChangesTheETag_AndAWriteWithoutIfMatchStillSaves()
    {
        await Client.PublishAsync(Samples.Approval("tags", "v1"));
        var published = await ETagAsync("tags");

        var saved = await PutAsync(Client, "tags", "v2", ifMatch: null);
        await saved.AssertStatusAsync(HttpStatusCode.OK);
        var savedAgain = await PutAsync(Client, "tags", "v2 again", saved.Headers.ETag!.Tag);
        await savedAgain.AssertStatusAsync(HttpStatusCode.OK);
        var retracted = await SendAsync(HttpMethod.Post, "tags/retract", savedAgain.Headers.ETag!.Tag);
        await retracted.AssertStatusAsync(HttpStatusCode.OK);

        string[] tags = [published, saved.Headers.ETag.Tag, savedAgain.Headers.ETag.Tag, retracted.Headers.ETag!.Tag];
        Assert.Equal(tags.Length, tags.Distinct().Count());
        Assert.Equal(retracted.Headers.ETag.Tag, await ETagAsync("tags"));
    }

    [Fact]
    public async Task SavingAsACopy_UnderAnIdThatExists_IsRefused()
    {
        await Client.PublishAsync(Samples.Approval("taken-id"));
        using var request = new HttpRequestMessage(HttpMethod.Post, Api.Definitions)
        {
            Content = Api.Json(Samples.Approval("taken-id", "Copy")),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");

        var response = await Client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("exists already", problem["detail"]!.GetValue<string>());
        Assert.Single((await Client.GetJsonAsync($"{Api.Definitions}/taken-id/versions")).AsArray());
    }

    [Fact]
    public async Task TheList_SaysWhatIsPublished_WhetherADraftWaits_WhoChangedIt_AndHowManyInstancesRun()
    {
        await Client.PublishAsync(Samples.Approval("listed-meta", "v1"));
        var input = new JsonObject { ["caseNumber"] = "RMA-1" };
        await Client.StartAsync("listed-meta", input);
        await Client.StartAsync("listed-meta", (JsonObject)input.DeepClone());
        var owner = await ClientAsAsync("process_owner");
        await (await PutAsync(owner, "listed-meta", "v2", ifMatch: null)).AssertStatusAsync(HttpStatusCode.OK);

        var list = (await Client.GetJsonAsync(Api.Definitions)).AsArray();

        var item = Assert.Single(list, d => d!["definitionId"]!.GetValue<string>() == "listed-meta")!;
        Assert.Equal(2, item["version"]!.GetValue<int>());
        Assert.Equal(1, item["publishedVersion"]!.GetValue<int>());
        Assert.True(item["hasDraft"]!.GetValue<bool>());
        Assert.Equal(2, item["runningInstances"]!.GetValue<int>());
        Assert.Equal("process_owner", item["changedBy"]!.GetValue<string>());
        Assert.Equal(await ETagAsync("listed-meta"), item["etag"]!.GetValue<string>());
        var versions = (await Client.GetJsonAsync($"{Api.Definitions}/listed-meta/versions")).AsArray();
        Assert.Equal(["process_owner", Users.Tester], versions.Select(v => v!["createdBy"]!.GetValue<string>()));
        Assert.Equal(Users.Tester, versions[1]!["publishedBy"]!.GetValue<string>());
    }

    private async Task<string> ETagAsync(string definitionId)
    {
        var response = await Client.GetAsync($"{Api.Definitions}/{definitionId}");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return response.Headers.ETag?.Tag ?? throw new InvalidOperationException("no ETag on the definition");
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string definitionId, string title, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Api.Definitions}/{definitionId}")
        {
            Content = Api.Json(Samples.Approval(definitionId, title)),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string ifMatch)
    {
        using var request = new HttpRequestMessage(method, $"{Api.Definitions}/{path}");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Client.SendAsync(request);
    }

    private static string Title(JsonNode definition) =>
        definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "approve")!["title"]!["value"]!
            .GetValue<string>();
}
