using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Http;
using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Host.Tests.Security;

/// <summary>Input PostgreSQL or System.Text.Json cannot take answers 400 naming the field and writes nothing: never a 500.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MalformedInputTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task DuplicateKey_Answers400NamingTheField_OnTheAnonymousSurveyEndpoint()
    {
        var response = await AnonymousClient().PostAsync("/api/surveys/x", Api.Json("""{"rating":1,"rating":2}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "rating");
    }

    [Theory]
    [InlineData("""{"description":"again"}""", "description")]
    [InlineData("""{"customer":{"name":"A","name":"B","phone":"1"}}""", "customer.name")]
    [InlineData("""{"product":"\ud800"}""", "product")]
    [InlineData("""{"product":{"model":"a\u0000b"}}""", "product.model")]
    [InlineData("""{"customer":{"name":"\u0000","phone":"1"}}""", "customer.name")]
    [InlineData("""{"product":{"parts":["ok","\udfff"]}}""", "product.parts[1]")]
    public async Task BadTextInACaseBody_Answers400NamingTheField_AndWritesNoCase(string patch, string field)
    {
        await Client.PublishProcessesAsync();
        var before = await CountAsync("cases");
        var valid = CaseApi.NewCase();
        valid.Remove("customer");
        valid.Remove("product");
        valid["customer"] = new JsonObject { ["name"] = "Li Wei", ["phone"] = "1" };
        // Appended after the case's own keys: "description" comes twice, the other keys once, with a bad value.
        var body = valid.ToJsonString();
        if (!patch.StartsWith("""{"description""", StringComparison.Ordinal) && patch.StartsWith("""{"customer""", StringComparison.Ordinal))
            body = body.Replace(""","customer":{"name":"Li Wei","phone":"1"}""", "", StringComparison.Ordinal);
        var json = body[..^1] + "," + patch[1..];

        var response = await Client.PostAsync(CaseApi.Cases, new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await CountAsync("cases"));
    }

    [Fact]
    public async Task NulInAWorkflowInput_Answers400NamingTheField()
    {
        var response = await Client.PostAsync(Api.Instances, Api.Json("""{"definitionId":"x","input":{"note":"a\u0000"}}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "input.note");
    }

    [Fact]
    public async Task InvalidUtf8Body_Answers400()
    {
        var content = new ByteArrayContent([(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']);
        content.Headers.ContentType = new("application/json");

        var response = await Client.PostAsync(CaseApi.Cases, content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/cases?customer=a%00b", "customer")]
    [InlineData("/api/tasks?caseId=%00", "caseId")]
    [InlineData("/api/workflow-instances?correlationId=%00", "correlationId")]
    [InlineData("/api/follow-ups?owner=%00", "owner")]
    public async Task NulInAQueryOrRoute_Answers400NamingIt(string url, string field)
    {
        var response = await Client.GetAsync(url);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/cases?page=46000000")]
    [InlineData("/api/tasks?page=46000000")]
    [InlineData("/api/workflow-instances?page=46000000")]
    [InlineData("/api/cases?page=2147483647&pageSize=500")]
    public async Task PageFarPastTheEnd_Answers400NamingPage(string url)
    {
        var response = await Client.GetAsync(url);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "page");
    }

    [Fact]
    public async Task ABodyLargerThanTheAnonymousLimit_Answers413_BeforeItIsRead()
    {
        var rating = new string(' ', RequestGuard.MaxAnonymousBodyBytes);

        var response = await AnonymousClient().PostAsync("/api/surveys/x", Api.Json($$"""{"rating":{{rating}}5}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ACorrelationIdLongerThan100Characters_Answers400NamingIt()
    {
        var response = await Client.PostAsJsonAsync(Api.Instances, new { definitionId = "no_such_flow", correlationId = new string('x', 101) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "correlationId");
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = DatabaseName }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from aftersales.{table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
