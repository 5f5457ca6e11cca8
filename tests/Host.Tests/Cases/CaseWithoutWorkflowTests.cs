using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Cases;

[Collection(PostgresCollection.Name)]
public sealed class CaseWithoutWorkflowTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task OpenCase_OfAKindWithNoPublishedWorkflow_Answers409NamingKind_AndWritesNothing()
    {
        var response = await Client.PostAsJsonAsync(CaseApi.Cases, CaseApi.NewCase(kind: "special_order"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "kind");
        Assert.Contains("special_order", problem.Text("detail"));
        await using var db = Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContext();
        Assert.Equal((0, 0, 0), (await db.Cases.CountAsync(), await db.CaseNumberCounters.CountAsync(), await db.Instances.CountAsync()));
    }
}
