using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.TestSupport;

namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>Cases and tasks through the API, and the repository's real processes.</summary>
internal static class CaseApi
{
    public const string Cases = "/api/cases";
    public const string Tasks = "/api/tasks";

    /// <summary>The repository's workflows-json folder, found by walking up from the test assembly.</summary>
    public static string ProcessFolder => RepositoryFolders.WorkflowsJson;

    /// <summary>Publishes every workflow of workflows-json, unless this Host has them already.</summary>
    public static async Task PublishProcessesAsync(this HttpClient client)
    {
        var published = (await client.GetJsonAsync(Api.Definitions)).AsArray().Select(d => d!["definitionId"]!.GetValue<string>()).ToHashSet();
        foreach (var path in Directory.GetFiles(ProcessFolder, "*.json").Order(StringComparer.Ordinal))
            if (!published.Contains(Path.GetFileNameWithoutExtension(path)))
                await client.PublishAsync(await File.ReadAllTextAsync(path));
    }

    /// <summary>A valid new case; <paramref name="customer"/> names the customer, so a test can find its own cases.</summary>
    public static JsonObject NewCase(string kind = "complaint", string customer = "Li Wei", string? email = "li.wei@example.com", int hosts = 2, int accessories = 3) => new()
    {
        ["kind"] = kind,
        ["channel"] = "phone",
        ["customer"] = new JsonObject
        {
            ["name"] = customer,
            ["company"] = "深圳市华安电子有限公司",
            ["phone"] = "0755-8866 1234",
            ["email"] = email,
            ["region"] = "South China",
        },
        ["product"] = new JsonObject { ["model"] = "HX-3000", ["serial"] = "SN-0001", ["shipDate"] = "2026-01-05", ["warrantyEnd"] = "2027-01-05" },
        ["quantities"] = new JsonObject { ["hosts"] = hosts, ["accessories"] = accessories },
        ["description"] = "开机后屏幕无显示 The screen stays dark",
    };

    /// <summary>Opens a case, asserting a 201: answers the case.</summary>
    public static async Task<JsonNode> OpenCaseAsync(this HttpClient client, JsonObject? body = null)
    {
        var response = await client.PostAsJsonAsync(Cases, body ?? NewCase());
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    /// <summary>The case's open tasks (oldest first).</summary>
    public static async Task<JsonArray> OpenTasksAsync(this HttpClient client, string caseId) =>
        (await client.GetJsonAsync($"{Tasks}?caseId={caseId}&status=open"))["items"]!.AsArray();

    /// <summary>Completes the case's only open task whose activity is <paramref name="activityId"/>, asserting a 200.</summary>
    public static async Task<JsonNode> CompleteAsync(this HttpClient client, string caseId, string activityId, string outcome = "Done", JsonObject? form = null)
    {
        var task = (await client.OpenTasksAsync(caseId)).Single(t => t!["activityId"]!.GetValue<string>() == activityId)!;
        var response = await client.PostAsJsonAsync($"{Tasks}/{task["id"]!.GetValue<string>()}/complete", new JsonObject { ["outcome"] = outcome, ["form"] = form });
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static string Text(this JsonNode? node, string name) => node![name]!.GetValue<string>();
}
