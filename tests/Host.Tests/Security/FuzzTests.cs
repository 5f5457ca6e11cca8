using System.Net.Http.Headers;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Host.Tests.Security;

/// <summary>
/// Sends <see cref="FuzzCorpus"/> to every write operation of the OpenAPI document, signed in with every role so each
/// request reaches its handler: no answer may be a 5xx, and no table of the <c>aftersales</c> schema may change.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FuzzTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    private const int CorpusSize = 1000;

    /// <summary>Operations whose point is to change state whatever the body says: signing out ends the caller's session.</summary>
    private static readonly HashSet<string> NotFuzzed = new(StringComparer.Ordinal) { "POST /api/auth/logout" };

    /// <summary>Tables a refused request may legitimately write to (none yet; an audit or throttling table would go here).</summary>
    private static readonly HashSet<string> Changing = new(StringComparer.Ordinal);

    [Fact]
    public async Task MalformedCorpus_ToEveryWriteOperation_AnswersNo5xx_AndChangesNoTable()
    {
        var operations = (await OpenApiOperation.ReadAsync(Client)).Where(o => o.Writes && !NotFuzzed.Contains(o.Key)).ToList();
        var corpus = FuzzCorpus.Build(CorpusSize);
        Assert.True(operations.Count >= 15, $"only {operations.Count} write operations found");
        var targets = await PrepareTargetsAsync();
        var before = await SnapshotAsync();
        var failures = new List<string>();

        foreach (var operation in operations)
            foreach (var fuzz in corpus)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Url(name => TargetOf(operation, name, targets)) + fuzz.Query);
                if (fuzz.Body is { } body)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }
                using var response = await Client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{operation.Key} {fuzz.Name}: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
            }

        Assert.True(failures.Count == 0, $"{failures.Count} answers were 5xx:\n{string.Join("\n", failures.Take(30))}");
        var after = await SnapshotAsync();
        var changed = before.Keys.Union(after.Keys)
            .Where(t => !before.TryGetValue(t, out var b) || !after.TryGetValue(t, out var a) || a != b).ToList();
        Assert.True(changed.Count == 0, $"Tables changed by malformed requests: {string.Join(", ", changed)}");
    }

    /// <summary>
    /// Rows to aim at, so the tables hold data and a body reaches the code behind a found id: a case with its workflow and
    /// first task, and a customer. Answers the ids by route parameter name.
    /// </summary>
    private async Task<Dictionary<string, string>> PrepareTargetsAsync()
    {
        await Client.PublishProcessesAsync();
        var opened = await Client.OpenCaseAsync(CaseApi.NewCase(customer: "Fuzz Target"));
        var task = (await Client.OpenTasksAsync(opened.Text("id")))[0]!;
        var customer = await Client.PostAsync("/api/customers", Api.Json("""{"name":"Fuzz Customer","keyCustomer":true,"visitInterval":"P30D"}"""));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseId"] = opened.Text("id"),
            ["taskId"] = task.Text("id"),
            ["customerId"] = (await customer.ReadJsonAsync()).Text("id"),
            ["definitionId"] = "complaint",
        };
    }

    /// <summary>
    /// A real id only where every corpus body must be refused before anything happens (the body has required text fields);
    /// operations that act without a body (publish, cancel, claim) and raw resumes get ids that do not exist.
    /// </summary>
    private static string TargetOf(OpenApiOperation operation, string parameter, Dictionary<string, string> targets) =>
        operation.Key is "POST /api/cases/{caseId}/costs" or "POST /api/tasks/{taskId}/complete" or "POST /api/customers/{customerId}/products"
            or "PUT /api/workflow-definitions/{definitionId}" && targets.TryGetValue(parameter, out var id)
            ? id
            : "999999999";

    /// <summary>Every table of the aftersales schema: its row count and the md5 of its rows in a fixed order.</summary>
    private async Task<Dictionary<string, (long Rows, string Checksum)>> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = DatabaseName }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'aftersales' and table_type = 'BASE TABLE' order by 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var snapshot = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !Changing.Contains(t)))
        {
            await using var command = new NpgsqlCommand(
                $"select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') from aftersales.\"{table}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            snapshot[table] = (reader.GetInt64(0), reader.GetString(1));
        }
        Assert.Contains("cases", snapshot.Keys);
        return snapshot;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
