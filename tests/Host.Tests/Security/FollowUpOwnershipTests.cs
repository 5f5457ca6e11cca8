using System.Net;
using AfterSales.Host.FollowUps;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Security;

/// <summary>A follow-up is marked done by its owner, an aftersales_manager or an admin: nobody else.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FollowUpOwnershipTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task MarkDone_Answers403ToAnotherUser_AndLeavesItOpen()
    {
        var visitId = await VisitOwnedBySalesAsync("Not Yours Ltd");

        foreach (var user in new[] { "warehouse", "aftersales", "gm" })
        {
            var response = await (await ClientAsAsync(user)).PostAsync($"/api/follow-ups/{visitId}/done", null);
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        var open = (await Client.GetJsonAsync("/api/follow-ups?status=open&owner=sales")).AsArray();
        Assert.Contains(open, f => f!["id"]!.GetValue<long>() == visitId);
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("aftersales_manager")]
    [InlineData("admin")]
    public async Task MarkDone_IsAllowed_ToTheOwnerTheManagerAndTheAdmin(string user)
    {
        var visitId = await VisitOwnedBySalesAsync($"Mine {user}");

        var response = await (await ClientAsAsync(user)).PostAsync($"/api/follow-ups/{visitId}/done", null);

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>A key customer of sales and its first visit, written by the follow-up job: answers the visit's id.</summary>
    private async Task<long> VisitOwnedBySalesAsync(string company)
    {
        var created = await Client.PostAsync("/api/customers", Api.Json($$"""
            {"name":"Zhang San","company":"{{company}}","keyCustomer":true,"visitInterval":"P30D","owner":"sales"}
            """));
        await created.AssertStatusAsync(HttpStatusCode.Created);
        var customerId = (await created.ReadJsonAsync()).Text("id");
        await Services.GetRequiredService<FollowUpJob>().RunAsync(CancellationToken.None);
        var all = (await Client.GetJsonAsync("/api/follow-ups?owner=sales")).AsArray();
        return all.Single(f => f.Text("subjectId") == customerId && f.Text("kind") == "visit")!["id"]!.GetValue<long>();
    }
}
