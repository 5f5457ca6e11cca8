using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Host.FollowUps;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Host.Tests.Jobs;
using AfterSales.TestSupport.Mail;
using AfterSales.TestSupport.Postgres;
using Npgsql;

namespace AfterSales.Host.Tests.FollowUps;

/// <summary>Key-customer visits and product inspections: the register's API, and <see cref="FollowUpJob"/> run directly.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FollowUpTests(PostgresFixture postgres)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Job_CreatesOneVisitAndOneInspection_FirstDueAfterTheInterval_AndNoDuplicatesWhenRunTwice_ListedWithTheirSubjects()
    {
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("follow_ups_create"), JobsHost.FastJobs(SmtpSink.FreePort()));
        var client = await host.CreateClient().SignInAsync("aftersales");
        var customer = await CreateCustomerAsync(client, "P90D");
        Assert.Equal("P90D", customer.Text("visitInterval"));
        var installedAt = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        var product = await AddProductAsync(client, customer.Text("id"), installedAt);
        Assert.Equal("P182D", product.Text("inspectionInterval"));
        var job = host.Get<FollowUpJob>();

        Assert.Equal(2, (await job.RunAsync(CancellationToken.None)).Created);
        Assert.Equal(0, (await job.RunAsync(CancellationToken.None)).Created);

        var open = (await client.GetJsonAsync("/api/follow-ups?status=open")).AsArray();
        Assert.Equal(2, open.Count);
        var visit = Assert.Single(open, f => f.Text("kind") == "visit")!;
        Assert.Equal((customer.Text("id"), "aftersales"), (visit.Text("subjectId"), visit.Text("owner")));
        Assert.Equal(DateTimeOffset.Parse(customer.Text("createdAt")).AddDays(90), DateTimeOffset.Parse(visit.Text("dueAt")), TimeSpan.FromSeconds(1));
        var inspection = Assert.Single(open, f => f.Text("kind") == "inspection")!;
        Assert.Equal(product.Text("id"), inspection.Text("subjectId"));
        Assert.Equal(installedAt.AddDays(182), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(inspection.Text("dueAt")), Shanghai).DateTime));
        Assert.Equal($"inspection:{product.Text("id")}:1", inspection.Text("eventKey"));
        // The list names what each is about: the customer visited, or owning the product, and the product.
        Assert.Equal((customer.Text("id"), "Zhang San"), (visit.Text("customerId"), visit.Text("customer")));
        Assert.Null(visit["product"]);
        Assert.Equal((customer.Text("id"), "Zhang San", "HX-200 SN-1"),
            (inspection.Text("customerId"), inspection.Text("customer"), inspection.Text("product")));
        Assert.Equal(2, await host.ScalarAsync("select count(*) from aftersales.follow_ups"));
        Assert.Equal(0, await host.ScalarAsync("select count(*) from aftersales.mail_outbox where event_key like 'follow-up-%'"));
    }

    [Fact]
    public async Task Job_RemindsTheOwnerOfAFollowUpDueSoon_AndEscalatesAnOverdueOne_EachOnce()
    {
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("follow_ups_mail"), JobsHost.FastJobs(SmtpSink.FreePort()));
        var client = await host.CreateClient().SignInAsync("aftersales");
        var customer = await CreateCustomerAsync(client, "P30D", owner: "sales");
        // Created 28 days ago: the visit is due in 2 days, within the 3-day reminder lead.
        await host.ExecuteAsync("update aftersales.customers set created_at = now() - interval '28 days' where id = $1", customer.Text("id"));
        // Installed 190 days ago, inspected every 182 days: 8 days overdue, past the 7 days before escalation.
        await AddProductAsync(client, customer.Text("id"), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-190), owner: "aftersales");
        var job = host.Get<FollowUpJob>();

        var first = await job.RunAsync(CancellationToken.None);
        var second = await job.RunAsync(CancellationToken.None);

        Assert.Equal(new FollowUpRun(2, 2, 1), first);
        Assert.Equal(new FollowUpRun(0, 0, 0), second);
        var visitId = await host.ScalarAsync("select id from aftersales.follow_ups where kind = 'visit'");
        var inspectionId = await host.ScalarAsync("select id from aftersales.follow_ups where kind = 'inspection'");
        var (subject, recipients) = await ReadMailAsync(host, $"follow-up-reminder:{visitId}");
        Assert.Equal(["sales@aftersales.local"], recipients);
        Assert.StartsWith("Customer visit due ", subject);
        Assert.Contains("ACME Tools", subject);
        var (escalation, managers) = await ReadMailAsync(host, $"follow-up-escalation:{inspectionId}");
        Assert.Equal(["aftersales_manager@aftersales.local"], managers);
        Assert.StartsWith("Overdue product inspection", escalation);
        Assert.Equal(1, await host.ScalarAsync("select count(*) from aftersales.mail_outbox where event_key like 'follow-up-escalation:%'"));
        Assert.Equal(2, await host.ScalarAsync("select count(*) from aftersales.mail_outbox where event_key like 'follow-up-reminder:%'"));
        Assert.Equal(0, await host.ScalarAsync("select count(*) from aftersales.mail_outbox where event_key = $1", $"follow-up-escalation:{visitId}"));
        var escalated = Assert.Single((await client.GetJsonAsync("/api/follow-ups?status=escalated")).AsArray())!;
        Assert.Equal(inspectionId, escalated["id"]!.GetValue<long>());
        Assert.Equal(2, await host.ScalarAsync("select count(*) from aftersales.follow_ups"));
    }

    [Fact]
    public async Task Done_WritesTheNextFollowUp_DueAtDonePlusTheInterval_AndOnlyOnce()
    {
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("follow_ups_done"), JobsHost.FastJobs(SmtpSink.FreePort()));
        var client = await host.CreateClient().SignInAsync("aftersales");
        var customer = await CreateCustomerAsync(client, "P13W");
        await host.Get<FollowUpJob>().RunAsync(CancellationToken.None);
        var visitId = await host.ScalarAsync("select id from aftersales.follow_ups where kind = 'visit'");

        var before = DateTimeOffset.UtcNow;
        var response = await client.PostAsync($"/api/follow-ups/{visitId}/done", null);
        var after = DateTimeOffset.UtcNow;

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var next = await response.ReadJsonAsync();
        Assert.Equal(("visit", customer.Text("id"), "open"), (next.Text("kind"), next.Text("subjectId"), next.Text("status")));
        Assert.NotEqual(visitId, next["id"]!.GetValue<long>());
        Assert.Equal($"visit:{customer.Text("id")}:2", next.Text("eventKey"));
        var due = DateTimeOffset.Parse(next.Text("dueAt"));
        Assert.InRange(due, before.AddDays(91).AddSeconds(-1), after.AddDays(91).AddSeconds(1));
        var doneAt = await host.ScalarAsync("select extract(epoch from done_at)::bigint from aftersales.follow_ups where id = $1", visitId);
        Assert.InRange(doneAt, before.ToUnixTimeSeconds() - 1, after.ToUnixTimeSeconds() + 1);
        await (await client.PostAsync($"/api/follow-ups/{visitId}/done", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync("/api/follow-ups/999999/done", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        // The next one is outstanding: the job writes none.
        Assert.Equal(0, (await host.Get<FollowUpJob>().RunAsync(CancellationToken.None)).Created);
        Assert.Single((await client.GetJsonAsync("/api/follow-ups?status=open")).AsArray());
    }

    [Fact]
    public async Task BadInput_Answers400NamingTheField_AndOnlyAfterSalesOrAdminChangeTheRegister()
    {
        await using var host = JobsHost.Start(await postgres.CreateDatabaseAsync("follow_ups_input"), JobsHost.FastJobs(SmtpSink.FreePort()));
        var client = await host.CreateClient().SignInAsync("aftersales");

        await (await client.PostAsync("/api/customers", Api.Json("""{"name":"A","keyCustomer":true,"visitInterval":"P3M"}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "visitInterval");
        await (await client.PostAsync("/api/customers", Api.Json("""{"name":"A","keyCustomer":true}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "visitInterval");
        var problem = await (await client.PostAsync("/api/customers", Api.Json("""{"email":"nope","owner":"nobody","keyCustomer":"yes"}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        foreach (var field in new[] { "email", "owner", "keyCustomer" }) Assert.NotNull(problem["errors"]![field]);
        var customer = await CreateCustomerAsync(client, "P90D");
        await (await client.PostAsync($"/api/customers/{customer.Text("id")}/products", Api.Json("""{"model":"X1"}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "installedAt");
        await (await client.PostAsync($"/api/customers/{customer.Text("id")}/products", Api.Json("""{"model":"X1","installedAt":"2026-01-01","inspectionInterval":"P0D"}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "inspectionInterval");
        await (await client.PostAsync("/api/customers/nope/products", Api.Json("""{"model":"X1","installedAt":"2026-01-01"}""")))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/follow-ups?status=later")).AssertProblemAsync(HttpStatusCode.BadRequest, "status");

        var sales = await host.CreateClient().SignInAsync("sales");
        await (await sales.PostAsync("/api/customers", Api.Json("""{"name":"A"}"""))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await sales.GetAsync("/api/follow-ups")).AssertStatusAsync(HttpStatusCode.OK);
        var admin = await host.CreateClient().SignInAsync("admin");
        await (await admin.PostAsync("/api/customers", Api.Json("""{"name":"B"}"""))).AssertStatusAsync(HttpStatusCode.Created);
        await (await host.CreateClient().GetAsync("/api/follow-ups")).AssertStatusAsync(HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonNode> CreateCustomerAsync(HttpClient client, string visitInterval, string owner = "aftersales")
    {
        var body = new JsonObject
        {
            ["name"] = "Zhang San", ["company"] = "ACME Tools", ["region"] = "East", ["email"] = "zhang@acme.example",
            ["keyCustomer"] = true, ["visitInterval"] = visitInterval, ["owner"] = owner,
        };
        var response = await client.PostAsync("/api/customers", Api.Json(body.ToJsonString()));
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonNode> AddProductAsync(HttpClient client, string customerId, DateOnly installedAt, string? owner = null)
    {
        var body = new JsonObject { ["model"] = "HX-200", ["serial"] = "SN-1", ["installedAt"] = installedAt.ToString("yyyy-MM-dd") };
        if (owner is not null) body["owner"] = owner;
        var response = await client.PostAsync($"/api/customers/{customerId}/products", Api.Json(body.ToJsonString()));
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    private static async Task<(string Subject, string[] Recipients)> ReadMailAsync(JobsHost host, string eventKey)
    {
        await using var command = host.Database.CreateCommand("select subject, recipients from aftersales.mail_outbox where event_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = eventKey });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no mail {eventKey} is queued");
        return (reader.GetString(0), reader.GetFieldValue<string[]>(1));
    }
}
