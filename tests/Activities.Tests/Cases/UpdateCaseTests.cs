using System.Text.Json.Nodes;
using AfterSales.Activities.Cases;
using AfterSales.Cases;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;

namespace AfterSales.Activities.Tests.Cases;

public sealed class UpdateCaseTests
{
    [Fact]
    public async Task UpdateCase_EmitsTheStatus_TheOwner_AndTheRenderedNote_UnderOneEventKey()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var definition = Steps.Around("UpdateCase",
                Expr.Lit("status", "in_progress"), Expr.Js("owner", "input.owner"),
                Expr.Liquid("note", "Goods received from {{ input.customer }} for {{ correlationId }}: {{ variables.hosts }} hosts"))
            .Variable("hosts", "Number", 3)
            .Input("owner", "String")
            .Build();

        var instance = await engine.StartAsync(definition, new JsonObject { ["customer"] = "华安电子", ["owner"] = "li.wei" }, Steps.CaseId);

        var key = $"{instance.Id}:step:1";
        var at = engine.Time.GetUtcNow();
        Assert.Equal(
            new object[]
            {
                new CaseStatusChanged(key, Steps.CaseId, "in_progress", at),
                new CaseOwnerAssigned(key, Steps.CaseId, "li.wei", at),
                new CaseTimelineEntry(key, Steps.CaseId, "status", $"Goods received from 华安电子 for {Steps.CaseId}: 3 hosts", at),
            },
            engine.Store.GetEffects(instance.Id));
        JsonAssert.Equal("1", instance.Variables[CaseEffectContext.EventSequenceVariable]);
    }

    [Fact]
    public async Task UpdateCase_WithOnlyANote_WritesATimelineLine()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());

        var instance = await engine.StartAsync(Steps.Around("UpdateCase", Expr.Lit("note", "  Customer called back  ")).Build(), correlationId: Steps.CaseId);

        var entry = Assert.IsType<CaseTimelineEntry>(Assert.Single(engine.Store.GetEffects(instance.Id)));
        Assert.Equal(("note", "Customer called back"), (entry.Kind, entry.Text));
    }

    [Fact]
    public async Task UpdateCase_WithoutANote_SaysOnTheTimelineWhatChanged()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());

        var instance = await engine.StartAsync(Steps.Around("UpdateCase", Expr.Lit("status", "resolved"), Expr.Lit("owner", "zhang.min")).Build(), correlationId: Steps.CaseId);

        Assert.Equal("Status: resolved; Owner: zhang.min", engine.Store.GetEffects(instance.Id).OfType<CaseTimelineEntry>().Single().Text);
    }

    [Theory]
    [InlineData("done", "'done' is not a case status (use one of: open, in_progress, waiting_customer, resolved, closed, rejected)")]
    [InlineData(null, "nothing to update: set a status, an owner or a note")]
    public async Task UpdateCase_Faults_OnAStatusThatIsNone_OrNothingToUpdate_EmittingNothing(string? status, string message)
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());

        var instance = await engine.StartAsync(Steps.Around("UpdateCase", Expr.Lit("status", status)).Build(), correlationId: Steps.CaseId);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal(message, Assert.Single(instance.Incidents).Message);
        Assert.Empty(engine.Store.GetEffects(instance.Id));
    }

    [Theory]
    [InlineData("UpdateCase")]
    [InlineData("SendEmail")]
    [InlineData("RecordFirstResponse")]
    public async Task ADomainActivity_InAnInstanceWithoutACase_Faults_SayingSo(string type)
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var definition = Steps.Around(type, type switch
        {
            "UpdateCase" => [Expr.Lit("note", "x")],
            "SendEmail" => [Expr.Lit("to", Expr.List("owner")), Expr.Lit("subject", "s"), Expr.Lit("body", "b")],
            _ => [],
        }).Build();

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("this instance has no correlation id", Assert.Single(instance.Incidents).Message);
        Assert.Empty(engine.Store.GetEffects(instance.Id));
    }
}
