using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Security;

/// <summary>Opening a case: a refused one uses no number, its owner must be a user, and a retry with one Idempotency-Key opens one case.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseOpeningTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    private static readonly int Year = DateTime.UtcNow.Year;

    [Fact]
    public async Task RefusedCase_LeavesTheCounter_SoTheNextCaseTakesTheNumber()
    {
        await PublishComplaintAsync();
        // A special_order workflow that wants an input no case gives: the start is refused after the request was checked.
        await Client.PublishAsync(Samples.Approval("special_order").Replace(
            "{ \"name\": \"caseNumber\", \"type\": \"String\", \"required\": true }",
            "{ \"name\": \"caseNumber\", \"type\": \"String\", \"required\": true }, { \"name\": \"contractNo\", \"type\": \"String\", \"required\": true }"));
        var before = await NextNumberAsync();

        var refused = await Client.PostAsJsonAsync(CaseApi.Cases, CaseApi.NewCase(kind: "special_order"));

        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "kind");
        Assert.Equal(before, await NextNumberAsync());
        Assert.Equal(before, (await Client.OpenCaseAsync(CaseApi.NewCase(customer: "After A Refusal"))).Text("number"));
    }

    [Fact]
    public async Task OwnerWhoIsNoUser_Answers400NamingOwner_AndUsesNoNumber()
    {
        await PublishComplaintAsync();
        var before = await NextNumberAsync();
        var body = CaseApi.NewCase(customer: "Owner Check");
        body["owner"] = "nobody-of-that-name";

        var response = await Client.PostAsJsonAsync(CaseApi.Cases, body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "owner");
        Assert.Equal(before, await NextNumberAsync());
        Assert.Empty(await CasesOfAsync("Owner Check"));
    }

    [Fact]
    public async Task OwnerWhoIsAUser_IsTheCasesOwner()
    {
        await PublishComplaintAsync();
        var body = CaseApi.NewCase(customer: "Owner Kept");
        body["owner"] = "aftersales";

        var created = await Client.OpenCaseAsync(body);

        Assert.Equal("aftersales", created.Text("owner"));
    }

    [Fact]
    public async Task SameIdempotencyKeyTwice_OpensOneCase_AndAnswersItBothTimes()
    {
        await PublishComplaintAsync();
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(CaseApi.NewCase(customer: "Retry Once"), key);
        var second = await PostWithKeyAsync(CaseApi.NewCase(customer: "Retry Once"), key);

        await first.AssertStatusAsync(HttpStatusCode.Created);
        await second.AssertStatusAsync(HttpStatusCode.Created);
        var (a, b) = (await first.ReadJsonAsync(), await second.ReadJsonAsync());
        Assert.Equal((a.Text("id"), a.Text("number")), (b.Text("id"), b.Text("number")));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single(await CasesOfAsync("Retry Once"));
    }

    [Fact]
    public async Task SameIdempotencyKeyConcurrently_OpensOneCase()
    {
        await PublishComplaintAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostWithKeyAsync(CaseApi.NewCase(customer: "Retry Together"), key)));

        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            await response.AssertStatusAsync(HttpStatusCode.Created);
            ids.Add((await response.ReadJsonAsync()).Text("id"));
        }
        Assert.Single(ids);
        Assert.Single(await CasesOfAsync("Retry Together"));
    }

    [Fact]
    public async Task SameIdempotencyKeyWithAnotherBody_Answers422_AndOpensNothing()
    {
        await PublishComplaintAsync();
        var key = Guid.NewGuid().ToString();
        await (await PostWithKeyAsync(CaseApi.NewCase(customer: "Key Reused"), key)).AssertStatusAsync(HttpStatusCode.Created);

        var other = await PostWithKeyAsync(CaseApi.NewCase(customer: "Key Reused Otherwise"), key);

        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Empty(await CasesOfAsync("Key Reused Otherwise"));
    }

    [Fact]
    public async Task IdempotencyKeyOfAnotherUser_IsAnotherKey()
    {
        await PublishComplaintAsync();
        var key = Guid.NewGuid().ToString();
        var mine = await (await PostWithKeyAsync(CaseApi.NewCase(customer: "Two Users"), key)).ReadJsonAsync();

        var theirs = await PostWithKeyAsync(CaseApi.NewCase(customer: "Two Users"), key, await ClientAsAsync("aftersales"));

        await theirs.AssertStatusAsync(HttpStatusCode.Created);
        Assert.NotEqual(mine.Text("id"), (await theirs.ReadJsonAsync()).Text("id"));
    }

    [Fact]
    public async Task CasesOpenedConcurrently_EachTakeTheirOwnNumber()
    {
        await PublishComplaintAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Client.PostAsJsonAsync(CaseApi.Cases, CaseApi.NewCase(customer: $"Concurrent {i}"))));

        var numbers = new HashSet<string>();
        foreach (var response in responses)
        {
            await response.AssertStatusAsync(HttpStatusCode.Created);
            numbers.Add((await response.ReadJsonAsync()).Text("number"));
        }
        Assert.Equal(8, numbers.Count);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("ключ")]
    public async Task InvalidIdempotencyKey_Answers400NamingIt(string key)
    {
        await PublishComplaintAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, CaseApi.Cases) { Content = JsonContent.Create(CaseApi.NewCase()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheIdempotencyKeyHeader()
    {
        var operation = (await Client.GetJsonAsync("/openapi/v1.json"))["paths"]!["/api/cases"]!["post"]!;

        Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header");
    }

    private async Task PublishComplaintAsync()
    {
        var published = (await Client.GetJsonAsync(Api.Definitions)).AsArray().Any(d => d!["definitionId"]!.GetValue<string>() == "complaint");
        if (!published) await Client.PublishAsync(await File.ReadAllTextAsync(Path.Combine(CaseApi.ProcessFolder, "complaint.json")));
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(JsonObject body, string key, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CaseApi.Cases) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await (client ?? Client).SendAsync(request);
    }

    private async Task<JsonArray> CasesOfAsync(string customer) =>
        (await Client.GetJsonAsync($"{CaseApi.Cases}?customer={Uri.EscapeDataString(customer)}&pageSize=500"))["items"]!.AsArray()
            .Where(c => c!["customer"]!["name"]!.GetValue<string>() == customer).ToJsonArray();

    /// <summary>The number the next case would get, read from the counter the way the Host proposes it.</summary>
    [Fact]
    public async Task ACounterLeftBehindTheCases_IsPassed_AndTheCaseTakesTheFirstFreeNumber()
    {
        await PublishComplaintAsync();
        var last = (await Client.OpenCaseAsync(CaseApi.NewCase(customer: "Before The Counter Slipped"))).Text("number");
        var sequence = int.Parse(last[^6..], System.Globalization.CultureInfo.InvariantCulture);
        // As a restore of older data or a hand edit would leave it: the counter three numbers behind the cases.
        await ExecuteAsync($"update aftersales.case_number_counters set last = {sequence - 3} where year = {Year}");

        var opened = await Client.OpenCaseAsync(CaseApi.NewCase(customer: "After The Counter Slipped"));

        Assert.Equal($"AS-{Year}-{sequence + 1:D6}", opened.Text("number"));
        Assert.Equal($"AS-{Year}-{sequence + 2:D6}", await NextNumberAsync());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = DatabaseName }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> NextNumberAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = DatabaseName }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"select coalesce((select last from aftersales.case_number_counters where year = {Year}), 0) + 1", connection);
        return $"AS-{Year}-{(int)(await command.ExecuteScalarAsync())!:D6}";
    }
}

internal static class JsonArrays
{
    public static JsonArray ToJsonArray(this IEnumerable<JsonNode?> nodes) => new(nodes.Select(n => n?.DeepClone()).ToArray());
}
