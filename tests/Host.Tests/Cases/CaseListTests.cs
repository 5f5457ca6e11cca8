using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Host.Tests.Cases;

/// <summary>What the case list and the case page ask of the cases API.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseListTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Escalated_ListsOnlyCasesEscalatedAtLeastOnce()
    {
        var escalated = await OpenCaseAsync("List Escalated");
        var calm = await OpenCaseAsync("List Escalated");
        await SqlAsync("update aftersales.cases set escalation_level = 1, escalated_at = now() where id = $1",
            escalated);

        var all = await ListAsync("customer=List Escalated");
        var only = await ListAsync("customer=List Escalated&escalated=true");

        Assert.Equal(new[] { calm, escalated }.Order(), Ids(all).Order());
        Assert.Equal([escalated], Ids(only));
        Assert.Equal(1, only["items"]![0]!["escalation"]!["level"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreatedBetween_TakesWholeDaysInTheCompanysTimeZone()
    {
        var early = await OpenCaseAsync("List Created");
        var late = await OpenCaseAsync("List Created");
        // 01:00 and 23:30 on 1 March 2025 in Shanghai (UTC+8).
        await SqlAsync("update aftersales.cases set created_at = '2025-02-28T17:00:00Z' where id = $1", early);
        await SqlAsync("update aftersales.cases set created_at = '2025-03-01T15:30:00Z' where id = $1", late);

        var day = await ListAsync("customer=List Created&createdFrom=2025-03-01&createdTo=2025-03-01");
        var before = await ListAsync("customer=List Created&createdTo=2025-02-28");
        var after = await ListAsync("customer=List Created&createdFrom=2025-03-02");

        Assert.Equal([late, early], Ids(day));
        Assert.Empty(Ids(before));
        Assert.DoesNotContain(early, Ids(after));
        Assert.DoesNotContain(late, Ids(after));
    }

    [Fact]
    public async Task Sort_OrdersByNumberOrDueTime_AndNewestFirstByDefault()
    {
        var first = await OpenCaseAsync("List Sort");
        var second = await OpenCaseAsync("List Sort");
        var third = await OpenCaseAsync("List Sort");
        // The second case's first response is due soonest, the first one's last.
        await SqlAsync(DueIn("3 hours"), first);
        await SqlAsync(DueIn("1 hour"), second);
        await SqlAsync(DueIn("2 hours"), third);

        Assert.Equal([third, second, first], Ids(await ListAsync("customer=List Sort")));
        Assert.Equal([first, second, third], Ids(await ListAsync("customer=List Sort&sort=number")));
        Assert.Equal([second, third, first], Ids(await ListAsync("customer=List Sort&sort=dueAt")));
        var badSort = await Client.GetAsync($"{CaseApi.Cases}?sort=customer");
        await badSort.AssertProblemAsync(HttpStatusCode.BadRequest, "sort");
    }

    [Fact]
    public async Task AListRow_ShowsWhatTheListNeeds()
    {
        var caseId = await OpenCaseAsync("List Row");

        var row = Assert.Single((await ListAsync("customer=List Row"))["items"]!.AsArray())!;

        Assert.Equal(caseId, row.Text("id"));
        Assert.StartsWith("AS-", row.Text("number"));
        Assert.Equal(("complaint", "open"), (row.Text("kind"), row.Text("status")));
        Assert.Equal(("List Row", "HX-3000"), (row["customer"].Text("name"), row["product"].Text("model")));
        Assert.NotNull(row["sla"]!["dueAt"]);
        Assert.False(row["sla"]!["paused"]!.GetValue<bool>());
        Assert.Equal(0, row["escalation"]!["level"]!.GetValue<int>());
        Assert.NotNull(row["createdAt"]);
        Assert.True(row.AsObject().ContainsKey("owner"));
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=1.5", "pageSize")]
    [InlineData("createdFrom=notadate", "createdFrom")]
    [InlineData("createdTo=2025-13-01", "createdTo")]
    [InlineData("escalated=maybe", "escalated")]
    [InlineData("createdFrom=2025-03-02&createdTo=2025-03-01", "createdTo")]
    public async Task AQueryValueThatDoesNotBind_Answers400NamingTheParameter(string query, string parameter)
    {
        var response = await Client.GetAsync($"{CaseApi.Cases}?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, parameter);

        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheCasePage_ShowsDoneTasks_WithWhoWhenAndOutcome_BesideTheOpenOnes()
    {
        var caseId = await OpenCaseAsync("List Done Tasks");
        await Client.CompleteAsync(caseId, "firstResponse");

        var details = await Client.GetJsonAsync($"{CaseApi.Cases}/{caseId}");

        Assert.Equal("triage", Assert.Single(details["tasks"]!.AsArray()).Text("activityId"));
        var done = Assert.Single(details["doneTasks"]!.AsArray())!;
        Assert.Equal(("firstResponse", "completed", "tester", "Done"),
            (done.Text("activityId"), done.Text("status"), done.Text("completedBy"), done.Text("outcome")));
        Assert.NotNull(done["completedAt"]);
        Assert.Null(details["survey"]);
    }

    private async Task<string> OpenCaseAsync(string customer)
    {
        await Client.PublishProcessesAsync();
        return (await Client.OpenCaseAsync(CaseApi.NewCase(customer: customer))).Text("id");
    }

    private static string DueIn(string interval) =>
        $"update aftersales.cases set first_response_due_at = now() + interval '{interval}' where id = $1";

    private Task<JsonNode> ListAsync(string query) => Client.GetJsonAsync($"{CaseApi.Cases}?{query}");

    private static List<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(c => c.Text("id")).ToList();

    private async Task SqlAsync(string sql, string caseId)
    {
        var builder = new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = DatabaseName };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        await command.ExecuteNonQueryAsync();
    }
}
