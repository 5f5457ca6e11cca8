using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>What a process owner does in the designer, over the API.</summary>
internal static class ProcessOwner
{
    /// <summary>
    /// Gets the definition, sets the defaults of some of its variables, saves it as a draft (<c>PUT</c>) and publishes
    /// it: cases opened from then on run the new version. Does nothing when the published version has those defaults.
    /// </summary>
    public static async Task SetDefaultsAsync(this HttpClient processOwner, string definitionId, params (string Variable, string Default)[] defaults)
    {
        var definition = (await processOwner.GetJsonAsync($"{Api.Definitions}/{definitionId}")).AsObject();
        var variables = definition["variables"]!.AsArray();
        JsonNode Variable(string name) => variables.SingleOrDefault(v => v.Text("name") == name)
            ?? throw new InvalidOperationException($"{definitionId} has no variable {name}");
        if (defaults.All(d => (string?)Variable(d.Variable)["default"] == d.Default) && await IsPublishedAsync(processOwner, definition)) return;

        foreach (var (name, value) in defaults) Variable(name)["default"] = value;
        var saved = await processOwner.PutAsync($"{Api.Definitions}/{definitionId}", Api.Json(definition.ToJsonString()));
        await saved.AssertStatusAsync(HttpStatusCode.OK);
        var published = await processOwner.PostAsync($"{Api.Definitions}/{definitionId}/publish", null);
        await published.AssertStatusAsync(HttpStatusCode.OK);

        var now = await processOwner.GetJsonAsync($"{Api.Definitions}/{definitionId}");
        foreach (var (name, value) in defaults)
            Assert.Equal(value, (string?)now["variables"]!.AsArray().Single(v => v.Text("name") == name)!["default"]);
    }

    private static async Task<bool> IsPublishedAsync(HttpClient client, JsonObject definition)
    {
        var versions = (await client.GetJsonAsync($"{Api.Definitions}/{definition.Text("definitionId")}/versions")).AsArray();
        return versions.Any(v => v!["version"]!.GetValue<int>() == definition["version"]!.GetValue<int>() && v!["isPublished"]!.GetValue<bool>());
    }
}
