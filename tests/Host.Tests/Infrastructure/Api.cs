using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>Calls and checks the tests repeat.</summary>
internal static class Api
{
    public const string Definitions = "/api/workflow-definitions";
    public const string Instances = "/api/workflow-instances";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("The body is JSON null.");

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>Asserts the status, showing the body when it is not the one expected.</summary>
    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            Assert.Fail($"Expected {(int)expected} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Asserts an RFC 7807 problem with this status (and, when given, an <c>errors</c> entry for <paramref name="errorKey"/>).</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? errorKey = null)
    {
        await response.AssertStatusAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        if (errorKey is not null)
            Assert.True(problem["errors"]?[errorKey] is JsonArray { Count: > 0 }, $"The problem has no errors['{errorKey}']: {problem.ToJsonString()}");
        return problem;
    }

    /// <summary>Saves the workflow as a draft and publishes it.</summary>
    public static async Task PublishAsync(this HttpClient client, string workflowJson)
    {
        var created = await client.PostAsync(Definitions, Json(workflowJson));
        await created.AssertStatusAsync(HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync())["definitionId"]!.GetValue<string>();
        var published = await client.PostAsync($"{Definitions}/{id}/publish", null);
        await published.AssertStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>Starts an instance and answers its <c>{ summary, state }</c>.</summary>
    public static async Task<JsonNode> StartAsync(this HttpClient client, string definitionId, JsonObject? input = null, string? correlationId = null)
    {
        var response = await client.PostAsJsonAsync(Instances, new { definitionId, input, correlationId });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    /// <summary>Publishes an <see cref="Samples.Approval"/> workflow and starts it: answers the instance id and its human task's bookmark id.</summary>
    public static async Task<(string InstanceId, string BookmarkId)> StartApprovalAsync(this HttpClient client, string definitionId)
    {
        await client.PublishAsync(Samples.Approval(definitionId));
        var started = await client.StartAsync(definitionId, new JsonObject { ["caseNumber"] = "RMA-1" });
        Assert.Equal("Suspended", started["summary"]!["status"]!.GetValue<string>());
        return (started["summary"]!["id"]!.GetValue<string>(), started["state"]!["bookmarks"]![0]!["id"]!.GetValue<string>());
    }

    public static string ResumeUrl(string instanceId, string bookmarkId) => $"{Instances}/{instanceId}/bookmarks/{bookmarkId}/resume";

    public static async Task<int> CountDefinitionsAsync(this HttpClient client) => (await client.GetJsonAsync(Definitions)).AsArray().Count;
}
