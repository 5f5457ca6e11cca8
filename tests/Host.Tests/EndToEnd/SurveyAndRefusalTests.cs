using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AfterSales.Host.Tests.Infrastructure;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>The customer's survey link, and what the inbox refuses.</summary>
public sealed partial class ProcessWalkTests
{
    [Fact]
    public async Task TheSurveyLinkInTheCustomersMail_OpensTheSurvey_WhichIsAnsweredOnce_AndRefusedTheSecondTime()
    {
        var complaint = await OpenAsync(NewCase("complaint", "赵磊", "zhao.lei@kaiyuan.example", channel: "web",
            description: "遥控器无法配对 The remote does not pair"));
        await complaint.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        await complaint.OpenTask("aftersales", "triage").CompleteAsync("Simple");
        await complaint.OpenTask("aftersales", "answer").CompleteAsync("Email");

        var mail = await complaint.ExpectFinishedAsync();
        var links = SurveyLink().Matches(mail.TextBody ?? "").Select(m => m.Value).Distinct().ToList();
        var link = Assert.Single(links); // the same link in the Chinese and the English paragraph
        Assert.StartsWith($"{EndToEndHost.PublicBaseUrl}/survey/", link, StringComparison.Ordinal);
        var path = new Uri(link).AbsolutePath;
        var customer = AnonymousClient();

        var page = await customer.GetAsync(path);
        await page.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(complaint.Number, html);
        Assert.Contains("name=\"rating\"", html);

        var token = path["/survey/".Length..];
        var answer = new JsonObject { ["rating"] = 5, ["comment"] = "回复很及时 Answered quickly", ["wouldRecommend"] = true };
        await (await customer.PostAsJsonAsync($"/api/surveys/{token}", answer)).AssertStatusAsync(HttpStatusCode.Created);
        await (await customer.PostAsJsonAsync($"/api/surveys/{token}", answer)).AssertProblemAsync(HttpStatusCode.Conflict);

        var details = await complaint.GetAsync();
        Assert.Single(details["timeline"]!.AsArray(), e => e.Text("kind") == "survey");
        Assert.Contains("已提交过", await (await customer.GetAsync(path)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CompletingATask_WithAnOutcomeItDoesNotOffer_OrAnInvalidForm_IsRefused_AndChangesNothing()
    {
        const string customer = "清远华盛陶瓷";
        var complaint = await OpenAsync(NewCase("complaint", customer, "office@huasheng.example", channel: "visit"));
        await complaint.OpenTask("aftersales", "firstResponse").CompleteAsync("Done");
        var triage = await complaint.OpenTask("aftersales", "triage").FindAsync();
        var aftersales = await complaint.StaffAsync("aftersales");

        await RefusedAsync(complaint, triage, aftersales, new JsonObject { ["outcome"] = "Done" }, "outcome");

        await complaint.OpenTask("aftersales", "triage").CompleteAsync("OnSite");
        await complaint.OpenTask("aftersales", "dispatch").CompleteAsync("Done");
        var onSite = await complaint.OpenTask("aftersales", "onSite").FindAsync();
        var valid = Forms.ServiceReport(complaint.Number, customer);
        var invalid = valid.DeepClone().AsObject();
        invalid["engineer"] = " ";
        invalid["serviceDate"] = "04/03/2026";
        invalid.Remove("workDone");
        invalid["hoursSpent"] = -1;
        invalid["materials"]![0]!["qty"] = 0;
        invalid["mileage"] = 86;

        await RefusedAsync(complaint, onSite, aftersales, new JsonObject { ["outcome"] = "Approve", ["form"] = valid.DeepClone() }, "outcome");
        await RefusedAsync(complaint, onSite, aftersales, new JsonObject { ["outcome"] = "Done" }, "form");
        await RefusedAsync(complaint, onSite, aftersales, new JsonObject { ["outcome"] = "Done", ["form"] = invalid },
            "form.engineer", "form.serviceDate", "form.workDone", "form.hoursSpent", "form.materials[0].qty", "form.mileage");

        // Refused, not broken: the same task still completes with a valid form.
        await complaint.OpenTask("aftersales", "onSite").CompleteAsync(valid);
        await complaint.ExpectFinishedAsync();
    }

    /// <summary>Completes <paramref name="task"/> with <paramref name="body"/>: a 400 naming each of <paramref name="fields"/>, and the case, the task and the workflow instance exactly as before.</summary>
    private async Task RefusedAsync(CaseWalk walk, JsonNode task, HttpClient user, JsonObject body, params string[] fields)
    {
        var before = await walk.GetAsync();
        var instanceUrl = $"{Api.Instances}/{before.Text("workflowInstanceId")}";
        // Read by the tester: instances are for operators (issue 7), the user works through tasks and cases.
        var instanceBefore = await Client.GetJsonAsync(instanceUrl);
        var taskUrl = $"{CaseApi.Tasks}/{task.Text("id")}";

        var response = await user.PostAsJsonAsync($"{taskUrl}/complete", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in fields) Assert.True(errors.ContainsKey(field), $"no error for {field}: {problem.ToJsonString()}");
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Select(e => e.Key).Order(StringComparer.Ordinal));

        var after = await walk.GetAsync();
        Assert.Equal(before.Text("status"), after.Text("status"));
        Assert.Equal(before["updatedAt"]!.GetValue<DateTimeOffset>(), after["updatedAt"]!.GetValue<DateTimeOffset>());
        Assert.True(JsonNode.DeepEquals(before["timeline"], after["timeline"]), "the timeline changed");
        Assert.True(JsonNode.DeepEquals(before["tasks"], after["tasks"]), "the case's tasks changed");
        var taskAfter = await user.GetJsonAsync(taskUrl);
        Assert.Equal("open", taskAfter.Text("status"));
        Assert.Null(taskAfter["outcome"]);
        Assert.Null(taskAfter["formData"]);
        Assert.True(JsonNode.DeepEquals(instanceBefore, await Client.GetJsonAsync(instanceUrl)), "the workflow instance changed");
    }

    [GeneratedRegex(@"https?://\S+/survey/[A-Za-z0-9_\-]+")]
    private static partial Regex SurveyLink();
}
