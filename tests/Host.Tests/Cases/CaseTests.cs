using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Cases;

[Collection(PostgresCollection.Name)]
public sealed class CaseTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    public static TheoryData<string, string> BadCases => new()
    {
        { """{ "kind": "repair" }""", "kind" },
        { """{ "channel": "fax" }""", "channel" },
        { """{ "customer": null }""", "customer" },
        { """{ "customer": { "name": " ", "email": "li@example.com" } }""", "customer.name" },
        { """{ "customer": { "name": "Li" } }""", "customer.phone" },
        { """{ "customer": { "name": "Li", "email": "not-an-address" } }""", "customer.email" },
        { """{ "customer": { "name": "Li", "phone": 138 } }""", "customer.phone" },
        { """{ "product": { "shipDate": "05/01/2026" } }""", "product.shipDate" },
        { """{ "product": { "shipDate": "2026-02-01", "warrantyEnd": "2026-01-01" } }""", "product.warrantyEnd" },
        { """{ "quantities": { "hosts": -1 } }""", "quantities.hosts" },
        { """{ "quantities": { "accessories": 1.5 } }""", "quantities.accessories" },
        { """{ "description": "" }""", "description" },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public async Task OpenCase_WithABadField_Answers400NamingIt_AndWritesNothing(string change, string field)
    {
        await Client.PublishProcessesAsync();
        var body = CaseApi.NewCase();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject()) body[name] = value?.DeepClone();
        var before = await CountsAsync();

        var response = await Client.PostAsJsonAsync(CaseApi.Cases, body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task OpenCase_WithMalformedJson_Answers400()
    {
        var response = await Client.PostAsync(CaseApi.Cases, Api.Json("""{ "kind": """));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListCases_FiltersByKindStatusCustomerAndOverdue_AndPages()
    {
        await Client.PublishProcessesAsync();
        var marker = "List-" + Guid.NewGuid().ToString("N")[..8];
        var a = await Client.OpenCaseAsync(CaseApi.NewCase(customer: $"{marker} Alpha"));
        await Client.OpenCaseAsync(CaseApi.NewCase(customer: $"{marker} Beta"));
        var c = await Client.OpenCaseAsync(CaseApi.NewCase(kind: "return_goods", customer: $"{marker} Gamma"));
        await MakeOverdueAsync(a.Text("id"));

        var all = await Client.GetJsonAsync($"{CaseApi.Cases}?customer={marker.ToLowerInvariant()}&pageSize=2");
        Assert.Equal((3, 2, 1, 2), (all["total"]!.GetValue<int>(), all["items"]!.AsArray().Count, all["page"]!.GetValue<int>(), all["pageSize"]!.GetValue<int>()));
        // Newest first.
        Assert.Equal(c.Text("id"), all["items"]![0].Text("id"));
        var second = await Client.GetJsonAsync($"{CaseApi.Cases}?customer={marker}&pageSize=2&page=2");
        Assert.Equal(a.Text("id"), Assert.Single(second["items"]!.AsArray()).Text("id"));

        var goods = await Client.GetJsonAsync($"{CaseApi.Cases}?customer={marker}&kind=return_goods");
        Assert.Equal(c.Text("id"), Assert.Single(goods["items"]!.AsArray()).Text("id"));
        var open = await Client.GetJsonAsync($"{CaseApi.Cases}?customer={marker}&status=open");
        Assert.Equal(3, open["total"]!.GetValue<int>());
        var overdue = await Client.GetJsonAsync($"{CaseApi.Cases}?customer={marker}&overdue=true");
        Assert.Equal(a.Text("id"), Assert.Single(overdue["items"]!.AsArray()).Text("id"));
        // The company matches too.
        Assert.True((await Client.GetJsonAsync($"{CaseApi.Cases}?customer=华安电子"))["total"]!.GetValue<int>() >= 3);
    }

    [Theory]
    [InlineData("kind=repair", "kind")]
    [InlineData("status=lost", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task ListCases_WithABadQuery_Answers400NamingIt(string query, string field)
    {
        var response = await Client.GetAsync($"{CaseApi.Cases}?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task GetCase_ShowsTheTimelineTasksSlaFormsCostsAndMails_AsTheCaseMovesOn()
    {
        await Client.PublishProcessesAsync();
        var id = (await Client.OpenCaseAsync()).Text("id");

        var opened = await Client.GetJsonAsync($"{CaseApi.Cases}/{id}");
        Assert.Equal(["opened", "status"], opened["timeline"]!.AsArray().Select(e => e.Text("kind")).Take(2));
        Assert.Equal("firstResponse", Assert.Single(opened["tasks"]!.AsArray()).Text("activityId"));
        // The SLA child workflow started the first-response clock: 24 h.
        var dueAt = opened["sla"]!["dueAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(dueAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        Assert.Null(opened["sla"]!["met"]);
        Assert.Contains(opened["followUps"]!.AsArray(), f => f.Text("kind") == "task" && (f!["dueAt"]!.GetValue<DateTimeOffset>() - dueAt).Duration() < TimeSpan.FromMinutes(1));
        Assert.Equal((0, 0m), (opened["escalation"]!["level"]!.GetValue<int>(), opened["costs"]!["total"]!.GetValue<decimal>()));

        await (await Client.PostAsJsonAsync($"{CaseApi.Cases}/{id}/costs", new { kind = "travel", amount = 240.5m, personTimes = 1, note = "Dongguan" }))
            .AssertStatusAsync(HttpStatusCode.Created);
        await Client.CompleteAsync(id, "firstResponse");
        await Client.CompleteAsync(id, "triage", "Simple");
        await Client.CompleteAsync(id, "answer", "Email");

        var closed = await Client.GetJsonAsync($"{CaseApi.Cases}/{id}");
        Assert.Equal("closed", closed.Text("status"));
        Assert.NotNull(closed["closedAt"]);
        Assert.True(closed["sla"]!["met"]!.GetValue<bool>());
        Assert.Null(closed["sla"]!["breachedBy"]);
        Assert.Empty(closed["tasks"]!.AsArray());
        var kinds = closed["timeline"]!.AsArray().Select(e => e.Text("kind")).ToList();
        Assert.Equal(3, kinds.Count(k => k == "task"));
        Assert.Contains("cost", kinds);
        Assert.Contains("mail", kinds);
        var cost = Assert.Single(closed["costs"]!["items"]!.AsArray())!;
        Assert.Equal(("travel", 240.5m, "tester"), (cost.Text("kind"), cost["amount"]!.GetValue<decimal>(), cost.Text("recordedBy")));
        Assert.Equal(240.5m, closed["costs"]!["total"]!.GetValue<decimal>());
        var mail = Assert.Single(closed["mails"]!.AsArray())!;
        Assert.Equal(["li.wei@example.com"], mail["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains(mail.Text("status"), new[] { "pending", "sent", "failed" });
    }

    [Fact]
    public async Task GetCase_OfAnUnknownCase_Answers404()
    {
        await (await Client.GetAsync($"{CaseApi.Cases}/nope")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{ "kind": "lunch", "amount": 10 }""", "kind")]
    [InlineData("""{ "kind": "labour", "amount": -1 }""", "amount")]
    [InlineData("""{ "kind": "labour", "amount": 1.234 }""", "amount")]
    [InlineData("""{ "kind": "labour" }""", "amount")]
    [InlineData("""{ "kind": "labour", "amount": 10, "personTimes": -2 }""", "personTimes")]
    public async Task AddCost_WithABadField_Answers400NamingIt_AndBooksNothing(string body, string field)
    {
        await Client.PublishProcessesAsync();
        var id = (await Client.OpenCaseAsync()).Text("id");

        var response = await Client.PostAsync($"{CaseApi.Cases}/{id}/costs", Api.Json(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty((await Client.GetJsonAsync($"{CaseApi.Cases}/{id}"))["costs"]!["items"]!.AsArray());
    }

    [Fact]
    public async Task AddCost_Answers201_OrA404ForAnUnknownCase()
    {
        await Client.PublishProcessesAsync();
        var id = (await Client.OpenCaseAsync()).Text("id");

        var response = await Client.PostAsJsonAsync($"{CaseApi.Cases}/{id}/costs", new { kind = "labour", amount = 300, personTimes = 2 });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal((300m, 2), ((await response.ReadJsonAsync())["amount"]!.GetValue<decimal>(), (await response.ReadJsonAsync())["personTimes"]!.GetValue<int>()));
        await (await Client.PostAsJsonAsync($"{CaseApi.Cases}/nope/costs", new { kind = "labour", amount = 1 })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddCost_TakesInstallationAndCommissioning_ForTheMonthlyStatistics()
    {
        await Client.PublishProcessesAsync();
        var id = (await Client.OpenCaseAsync()).Text("id");

        var installation = await Client.PostAsJsonAsync($"{CaseApi.Cases}/{id}/costs", new { kind = "installation", amount = 800, personTimes = 2 });
        var commissioning = await Client.PostAsJsonAsync($"{CaseApi.Cases}/{id}/costs", new { kind = "commissioning", amount = 200, personTimes = 1 });

        await installation.AssertStatusAsync(HttpStatusCode.Created);
        await commissioning.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal(1000m, (await Client.GetJsonAsync($"{CaseApi.Cases}/{id}"))["costs"]!["total"]!.GetValue<decimal>());
    }

    private async Task<(int Cases, int Counters, int Instances)> CountsAsync()
    {
        await using var db = Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContext();
        return (await db.Cases.CountAsync(), await db.CaseNumberCounters.SumAsync(c => c.Last), await db.Instances.CountAsync());
    }

    private async Task MakeOverdueAsync(string caseId)
    {
        await using var db = Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContext();
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstResponseDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
    }
}
