using System.Text.Json.Nodes;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>
/// The <see cref="EndToEndHost"/> of <see cref="ProcessWalkTests"/>. Its process owner first shortens the return visit
/// (<c>returnVisitDelay</c>, 2 h after phone guidance or a repaired item's shipment) to two seconds in the designer, so
/// that the walks through it wait for a real timer without waiting hours.
/// </summary>
public sealed class ProcessWalkHost : EndToEndHost
{
    public const string ReturnVisitDelay = "PT2S";

    private protected override async Task PrepareAsync(HostFactory factory)
    {
        using var processOwner = await factory.CreateClient().SignInAsync("process_owner");
        await processOwner.SetDefaultsAsync("complaint", ("returnVisitDelay", ReturnVisitDelay));
        await processOwner.SetDefaultsAsync("return_item", ("returnVisitDelay", ReturnVisitDelay));
    }
}

/// <summary>
/// Every process along every branch, from opening the case to closing it, over HTTP as the department works: the case
/// opened by after-sales, each task claimed and completed by its role's user with the forms filled in, timers and mails
/// run by the Host's Hangfire jobs. The walks share one Host; each works on cases of its own.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ProcessWalkTests(PostgresFixture postgres, ProcessWalkHost host) : EndToEndTest<ProcessWalkHost>(postgres, host)
{
    /// <summary>A new case of <paramref name="kind"/> as the customer reported it.</summary>
    private static JsonObject NewCase(string kind, string customer, string email, int hosts = 1, int accessories = 1, string channel = "phone",
        string description = "开机后屏幕无显示 The screen stays dark after power-on")
    {
        var body = CaseApi.NewCase(kind, customer, email, hosts, accessories);
        body["channel"] = channel;
        body["description"] = description;
        return body;
    }

    /// <summary>
    /// The material requisition (领料单) sub-process: the requester fills it in, the sales head signs, the production
    /// manager approves, the warehouse issues. With <paramref name="salesHeadRejectsFirst"/> the sales head sends it back
    /// once and the requester fills it in again.
    /// </summary>
    private static async Task DrawMaterialAsync(CaseWalk walk, string requester, string purpose, bool salesHeadRejectsFirst = false)
    {
        var requisition = Forms.Requisition(walk.Number, purpose, requester);
        await walk.OpenTask(requester, "fill").CompleteAsync(requisition);
        if (salesHeadRejectsFirst)
        {
            await walk.OpenTask("sales_head", "sign").CompleteAsync("Reject");
            requisition["items"]![1]!["qty"] = 2;
            await walk.OpenTask(requester, "fill").CompleteAsync(requisition);
        }
        await walk.OpenTask("sales_head", "sign").CompleteAsync("Approve");
        await walk.OpenTask("production_manager", "approve").CompleteAsync("Approve");
        await walk.OpenTask("warehouse", "issue").CompleteAsync("Done");
    }
}
