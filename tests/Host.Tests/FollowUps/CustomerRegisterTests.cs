using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.FollowUps;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.FollowUps;

/// <summary>
/// Reading and editing customers and installed products: an edit that changes a schedule reschedules the outstanding
/// follow-up by the follow-up rule (due the last completion, else the start, + the interval).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CustomerRegisterTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    // The jobs' default time zone, which a product's installation day is counted in.
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task GetCustomer_AnswersItsProductsWithTheirNextInspection_AndItsNextVisit()
    {
        var customer = await CreateCustomerAsync("Detail Works", "P90D");
        var installedAt = Today.AddDays(-10);
        var product = await AddProductAsync(customer, installedAt);
        await RunJobAsync();

        var details = await Client.GetJsonAsync($"/api/customers/{customer}");

        Assert.Equal("Detail Works", details.Text("company"));
        Assert.Equal("P90D", details.Text("visitInterval"));
        Assert.Equal("visit", details["nextVisit"]!.Text("kind"));
        var listed = Assert.Single(details["products"]!.AsArray())!;
        Assert.Equal(product, listed.Text("id"));
        Assert.Equal("P182D", listed.Text("inspectionInterval"));
        Assert.Equal(installedAt.AddDays(182), LocalDay(listed["nextInspection"]!));
        await (await Client.GetAsync("/api/customers/no-such-customer")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateProduct_NewInterval_ReschedulesTheInspection_FromInstallationThenFromTheLastCompletion()
    {
        var customer = await CreateCustomerAsync("Interval Ltd", "P90D");
        var installedAt = Today.AddDays(-10);
        var product = await AddProductAsync(customer, installedAt);
        await RunJobAsync();

        var shorter = await PutProductAsync(customer, product, installedAt, "P30D");

        Assert.Equal("P30D", shorter.Text("inspectionInterval"));
        Assert.Equal(installedAt.AddDays(30), LocalDay(shorter["nextInspection"]!));
        Assert.Equal("open", shorter["nextInspection"]!.Text("status"));
        var outstanding = await FollowUpsOfAsync(product, "open");
        Assert.Equal(shorter["nextInspection"]!["id"]!.GetValue<long>(),
            Assert.Single(outstanding)!["id"]!.GetValue<long>());

        var done = await Client.PostAsync($"/api/follow-ups/{shorter["nextInspection"]!["id"]}/done", null);
        await done.AssertStatusAsync(HttpStatusCode.OK);
        var doneAt = DateTimeOffset.UtcNow;
        var longer = await PutProductAsync(customer, product, installedAt, "P60D");

        Assert.Equal(doneAt.AddDays(60), longer["nextInspection"]!["dueAt"]!.GetValue<DateTimeOffset>(),
            TimeSpan.FromMinutes(1));
        Assert.Equal($"inspection:{product}:2", longer["nextInspection"]!.Text("eventKey"));
        Assert.Single(await FollowUpsOfAsync(product, "open"));
        Assert.Single(await FollowUpsOfAsync(product, "done"));
    }

    [Fact]
    public async Task UpdateCustomer_NewVisitIntervalReschedules_ANewOwnerTakesTheVisit_AndNoLongerKeyRemovesIt()
    {
        var customer = await CreateCustomerAsync("Visit Co", "P90D");
        await RunJobAsync();
        var createdAt = (await Client.GetJsonAsync($"/api/customers/{customer}"))["createdAt"]!
            .GetValue<DateTimeOffset>();

        var sooner = await PutCustomerAsync(customer, new JsonObject
        {
            ["name"] = "Li Si", ["company"] = "Visit Co", ["keyCustomer"] = true, ["visitInterval"] = "P2W",
                ["owner"] = "sales",
        });

        Assert.Equal("P14D", sooner.Text("visitInterval"));
        Assert.Equal("Li Si", sooner.Text("name"));
        Assert.Equal(createdAt.AddDays(14), sooner["nextVisit"]!["dueAt"]!.GetValue<DateTimeOffset>(),
            TimeSpan.FromSeconds(1));
        Assert.Equal("sales", sooner["nextVisit"]!.Text("owner"));

        var notKey = await PutCustomerAsync(customer, new JsonObject { ["name"] = "Li Si", ["company"] = "Visit Co" });

        Assert.Null(notKey["nextVisit"]);
        Assert.Equal("sales", notKey.Text("owner")); // absent: kept
        Assert.Empty(await FollowUpsOfAsync(customer, "open"));
        await RunJobAsync();
        Assert.Empty(await FollowUpsOfAsync(customer, "open"));
    }

    [Fact]
    public async Task UpdateCustomer_WithoutAScheduleChange_KeepsTheOutstandingVisitAsItIs()
    {
        var customer = await CreateCustomerAsync("Steady Inc", "P90D");
        await RunJobAsync();
        var before = Assert.Single(await FollowUpsOfAsync(customer, "open"))!;

        var renamed = await PutCustomerAsync(customer, new JsonObject
        {
            ["name"] = "Wang Wu", ["company"] = "Steady Inc", ["keyCustomer"] = true, ["visitInterval"] = "P90D",
                ["owner"] = "aftersales",
        });

        Assert.Equal(before["id"]!.GetValue<long>(), renamed["nextVisit"]!["id"]!.GetValue<long>());
        Assert.Equal(before.Text("dueAt"), Assert.Single(await FollowUpsOfAsync(customer, "open"))!.Text("dueAt"));
    }

    [Fact]
    public async Task Updates_Answer400NamingEachBadField_404ForWhatDoesNotExist_403ToOtherRoles_AndChangeNothing()
    {
        var customer = await CreateCustomerAsync("Refusing Co", "P90D");
        var product = await AddProductAsync(customer, Today.AddDays(-3));
        var other = await CreateCustomerAsync("Other Co", "P30D");
        var before = (await Client.GetJsonAsync($"/api/customers/{customer}")).ToJsonString();

        var bad = await Client.PutAsync($"/api/customers/{customer}", Api.Json("""
            {"name":"","email":"nope","keyCustomer":true,"owner":"nobody-at-all"}
            """));
        var badProduct = await Client.PutAsync($"/api/customers/{customer}/products/{product}", Api.Json("""
            {"model":"HX-200","installedAt":"2026-13-01","inspectionInterval":"P6M"}
            """));
        var notTheirs = await Client.PutAsync($"/api/customers/{other}/products/{product}", Api.Json("""
            {"model":"HX-200","installedAt":"2026-01-01"}
            """));
        var missing = await Client.PutAsync("/api/customers/no-such-customer", Api.Json("""{"name":"X"}"""));
        var asWarehouse = await (await ClientAsAsync("warehouse"))
            .PutAsync($"/api/customers/{customer}", Api.Json("""{"name":"X"}"""));

        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["email", "name", "owner", "visitInterval"],
            problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        var productProblem = await badProduct.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["inspectionInterval", "installedAt"],
            productProblem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        await notTheirs.AssertProblemAsync(HttpStatusCode.NotFound);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        await asWarehouse.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, (await Client.GetJsonAsync($"/api/customers/{customer}")).ToJsonString());
    }

    [Fact]
    public async Task Customers_ShowTheEmailToTheRolesThatTalkToCustomersAndToTheOwner_AndRedactItForOthers()
    {
        var customer = await CreateCustomerAsync("Private Mail Ltd", "P90D", owner: "repair");

        var asSales = await (await ClientAsAsync("sales")).GetJsonAsync($"/api/customers/{customer}");
        var asOwner = await (await ClientAsAsync("repair")).GetJsonAsync($"/api/customers/{customer}");
        var warehouse = await ClientAsAsync("warehouse");
        var asWarehouse = await warehouse.GetJsonAsync($"/api/customers/{customer}");
        var listed = await warehouse.GetJsonAsync("/api/customers?text=private%20mail");

        Assert.Equal("mail@example.com", asSales.Text("email"));
        Assert.Equal("mail@example.com", asOwner.Text("email"));
        Assert.Null(asWarehouse["email"]);
        Assert.Equal(["email"], asWarehouse["redacted"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("Private Mail Ltd", asWarehouse.Text("company"));
        var row = Assert.Single(listed["items"]!.AsArray())!;
        Assert.Null(row["email"]);
        Assert.DoesNotContain("mail@example.com", listed.ToJsonString());
    }

    [Fact]
    public async Task ListCustomers_SearchesNameCompanyAndRegion_FiltersKeyCustomers_AndPages()
    {
        var first = await CreateCustomerAsync("Searchable Alpha", "P90D");
        await CreateCustomerAsync("Searchable Beta", null);
        await CreateCustomerAsync("Searchable Gamma", "P30D");
        await AddProductAsync(first, Today);

        var all = await Client.GetJsonAsync("/api/customers?text=SEARCHABLE");
        var keyOnly = await Client.GetJsonAsync("/api/customers?text=searchable&keyCustomer=true&pageSize=1&page=2");

        Assert.Equal(["Searchable Alpha", "Searchable Beta", "Searchable Gamma"],
            all["items"]!.AsArray().Select(c => c.Text("company")));
        Assert.Equal(1, all["items"]![0]!["products"]!.GetValue<int>());
        Assert.Equal(2, keyOnly["total"]!.GetValue<long>());
        Assert.Equal("Searchable Gamma", Assert.Single(keyOnly["items"]!.AsArray())!.Text("company"));
        await (await Client.GetAsync("/api/customers?page=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "page");
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        Shanghai).DateTime);

    private static DateOnly LocalDay(JsonNode followUp) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(followUp["dueAt"]!.GetValue<DateTimeOffset>(),
            Shanghai).DateTime);

    private Task RunJobAsync() => Services.GetRequiredService<FollowUpJob>().RunAsync(CancellationToken.None);

    /// <summary>Creates a customer (a key customer when <paramref name="visitInterval"/> is given); answers its
    /// id.</summary>
    private async Task<string> CreateCustomerAsync(string company, string? visitInterval, string owner = "aftersales")
    {
        var response = await Client.PostAsJsonAsync("/api/customers", new
        {
            name = "Zhang San", company, region = "East", email = "mail@example.com",
                keyCustomer = visitInterval is not null,
            visitInterval, owner,
        });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).Text("id");
    }

    private async Task<string> AddProductAsync(string customerId, DateOnly installedAt)
    {
        var response = await Client.PostAsJsonAsync($"/api/customers/{customerId}/products",
            new { model = "HX-200", serial = "SN-1", installedAt = installedAt.ToString("yyyy-MM-dd") });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).Text("id");
    }

    private async Task<JsonNode> PutProductAsync(string customerId, string productId, DateOnly installedAt,
        string interval)
    {
        var response = await Client.PutAsJsonAsync($"/api/customers/{customerId}/products/{productId}",
            new { model = "HX-200", serial = "SN-1", installedAt = installedAt.ToString("yyyy-MM-dd"),
                inspectionInterval = interval });
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private async Task<JsonNode> PutCustomerAsync(string customerId, JsonObject body)
    {
        var response = await Client.PutAsync($"/api/customers/{customerId}", Api.Json(body.ToJsonString()));
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private async Task<JsonNode?[]> FollowUpsOfAsync(string subjectId, string status) =>
        [.. (await Client.GetJsonAsync($"/api/follow-ups?status={status}")).AsArray()
            .Where(f => f.Text("subjectId") == subjectId)];
}
