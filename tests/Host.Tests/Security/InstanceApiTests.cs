using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.EndToEnd;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Security;

/// <summary>The Host as installed (workflows-json published, mail to a real SMTP sink) that the attacks of issue 7 are tried on.</summary>
public sealed class InstanceApiHost : EndToEndHost;

/// <summary>
/// Issue 7, findings 1, 2, 8 and 11 over HTTP: starting instances by hand is for operators, inputs set only declared inputs,
/// a case belongs to its own instance, drafts run only for a process owner, definition ids are short and plain.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InstanceApiTests(PostgresFixture postgres, InstanceApiHost host) : EndToEndTest<InstanceApiHost>(postgres, host)
{
    private const string Attacker = "attacker@evil.example";

    private static object Attack(string caseId) => new
    {
        definitionId = "return_visit",
        correlationId = caseId,
        input = new JsonObject
        {
            ["caseNumber"] = "AS-2026-000001",
            ["customerName"] = "your refund is ready: http://evil.example",
            ["returnVisitDelay"] = "PT1S",
            ["reminderTo"] = new JsonArray(Attacker, "customer", "role:gm"),
        },
    };

    [Fact]
    public async Task StartInstance_AnswersForbidden_ToAUserWhoIsNoOperator_AndQueuesNoMail()
    {
        var caseId = await OpenCaseAsync();
        var warehouse = await Staff("warehouse");

        var response = await warehouse.PostAsJsonAsync(Api.Instances, Attack(caseId));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, await InstancesOfAsync(caseId));
        Assert.Empty(await MailsToAsync(Attacker));
        Assert.DoesNotContain(Mailbox.Messages(), m => m.To.ToString().Contains(Attacker, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("warehouse")]
    [InlineData("aftersales")]
    public async Task ListingAndReadingInstances_AnswerForbidden_ToAUserWhoIsNoOperator(string role)
    {
        var caseId = await OpenCaseAsync();
        var staff = await Staff(role);
        var instanceId = (await Client.GetJsonAsync($"{Api.Instances}?correlationId={caseId}"))["items"]![0]!["id"]!.GetValue<string>();

        await (await staff.GetAsync($"{Api.Instances}?correlationId={caseId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync($"{Api.Instances}/{instanceId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StartInstance_AnswersBadRequest_WhenAnInputOverridesRecipientsNotDeclaredAnInput()
    {
        var caseId = await OpenCaseAsync();
        var processOwner = await Staff("process_owner");

        var response = await processOwner.PostAsJsonAsync(Api.Instances, Attack(caseId));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "input.reminderTo");
        Assert.Contains("not declared an input", problem["errors"]!["input.reminderTo"]![0]!.GetValue<string>());
        Assert.Equal(1, await InstancesOfAsync(caseId));
        Assert.Empty(await MailsToAsync(Attacker));
    }

    [Fact]
    public async Task StartInstance_CorrelatedToSomeoneElsesCase_AnswersConflict_AndLeavesTheCaseAlone()
    {
        var caseId = await OpenCaseAsync();
        var processOwner = await Staff("process_owner");
        var before = await CaseAsync(caseId);

        var response = await processOwner.PostAsJsonAsync(Api.Instances, new
        {
            definitionId = "complaint",
            correlationId = caseId,
            input = new JsonObject { ["caseNumber"] = "AS-0000-000000", ["owner"] = "warehouse" },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("/api/cases", problem["detail"]!.GetValue<string>());
        var after = await CaseAsync(caseId);
        Assert.Equal(before["owner"]?.ToJsonString(), after["owner"]?.ToJsonString());
        Assert.Equal(before["timeline"]!.AsArray().Count, after["timeline"]!.AsArray().Count);
        Assert.Equal(before["sla"]!.ToJsonString(), after["sla"]!.ToJsonString());
        Assert.Equal(1, await InstancesOfAsync(caseId));
    }

    [Fact]
    public async Task StartInstance_OfADraft_AnswersForbidden_UnlessTheCallerIsAProcessOwner()
    {
        var processOwner = await Staff("process_owner");
        var saved = await processOwner.PostAsync(Api.Definitions, Api.Json(Samples.Approval("draft_approval")));
        await saved.AssertStatusAsync(HttpStatusCode.Created);
        var body = new { definitionId = "draft_approval", version = 1, input = new JsonObject { ["caseNumber"] = "RMA-1" } };

        var asAdmin = await (await Staff("admin")).PostAsJsonAsync(Api.Instances, body);
        var asProcessOwner = await processOwner.PostAsJsonAsync(Api.Instances, body);

        await asAdmin.AssertProblemAsync(HttpStatusCode.Forbidden);
        await asProcessOwner.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SaveDefinition_WithALiteralMailAddress_AnswersBadRequest()
    {
        var processOwner = await Staff("process_owner");
        var json = JsonNode.Parse(await Client.GetStringAsync($"{Api.Definitions}/return_visit"))!;
        json["variables"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "reminderTo")!["default"] = new JsonArray("owner", Attacker);

        var response = await processOwner.PutAsync($"{Api.Definitions}/return_visit", Api.Json(json.ToJsonString()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Value![0]!.GetValue<string>().Contains(Attacker, StringComparison.Ordinal));
        Assert.Single((await Client.GetJsonAsync($"{Api.Definitions}/return_visit/versions")).AsArray());
    }

    [Fact]
    public async Task ADefinitionIdLongerThan100Characters_AnswersBadRequest_NamingIt_Everywhere()
    {
        var processOwner = await Staff("process_owner");
        var id = new string('a', 101);

        var saved = await processOwner.PostAsync(Api.Definitions, Api.Json(Samples.Approval(id)));
        var read = await processOwner.GetAsync($"{Api.Definitions}/{id}");
        var published = await processOwner.PostAsync($"{Api.Definitions}/{id}/publish", null);
        var started = await processOwner.PostAsJsonAsync(Api.Instances, new { definitionId = new string('a', 100_000) });
        var listed = await processOwner.GetAsync($"{Api.Instances}?definitionId={id}");

        foreach (var response in new[] { saved, read, published, started, listed })
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "definitionId");
        Assert.Null(saved.Headers.Location);
    }

    [Fact]
    public async Task ResumeBookmark_RecordsTheOperatorWhoResumed_NotAUserTheBodyNames()
    {
        var caseId = await OpenCaseAsync();
        var task = (await Client.OpenTasksAsync(caseId))[0]!;
        var processOwner = await Staff("process_owner");

        var resumed = await processOwner.PostAsJsonAsync(Api.ResumeUrl(task.Text("instanceId"), task.Text("id")),
            new { outcome = task["outcomes"]![0]!.GetValue<string>(), user = "aftersales" });

        await resumed.AssertStatusAsync(HttpStatusCode.OK);
        var completed = await Client.GetJsonAsync($"{CaseApi.Tasks}/{task.Text("id")}");
        Assert.Equal(("completed", "process_owner"), (completed.Text("status"), completed.Text("completedBy")));
    }

    private async Task<string> OpenCaseAsync() => (await (await Staff("aftersales")).OpenCaseAsync())["id"]!.GetValue<string>();

    private async Task<JsonNode> CaseAsync(string caseId) => await Client.GetJsonAsync($"{CaseApi.Cases}/{caseId}");

    private async Task<int> InstancesOfAsync(string caseId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContextAsync();
        return await db.Instances.CountAsync(i => i.CorrelationId == caseId && i.ParentInstanceId == null);
    }

    private async Task<List<long>> MailsToAsync(string address)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContextAsync();
        return await db.MailOutbox.Where(m => m.Recipients.Contains(address)).Select(m => m.Id).ToListAsync();
    }
}
