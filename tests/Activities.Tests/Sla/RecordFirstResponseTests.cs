using AfterSales.Activities.Sla;
using AfterSales.Cases.Sla;
using AfterSales.Cases;
using AfterSales.TestSupport.Engine;

namespace AfterSales.Activities.Tests.Sla;

public sealed class RecordFirstResponseTests
{
    [Theory]
    [InlineData("li.wei", "li.wei", "First response given by li.wei")]
    [InlineData(null, null, "First response given")]
    public async Task RecordFirstResponse_StopsTheClock_AndSaysSoOnTheTimeline(string? by, string? recordedBy, string timeline)
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var now = engine.Time.GetUtcNow();

        var instance = await engine.StartAsync(Steps.Around("RecordFirstResponse", Expr.Lit("by", by)).Build(), correlationId: Steps.CaseId);

        var key = $"{instance.Id}:step:1";
        Assert.Equal(
            new object[] { new FirstResponseRecorded(key, Steps.CaseId, recordedBy, now), new CaseTimelineEntry(key, Steps.CaseId, "sla", timeline, now) },
            engine.Store.GetEffects(instance.Id));
    }
}
