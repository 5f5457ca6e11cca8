using System.Text.Json.Nodes;
using AfterSales.Activities.Mail;
using AfterSales.Cases.Mail;
using AfterSales.Cases;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests;

public sealed class CaseEffectContextTests
{
    [Fact]
    public async Task AnActivityRunTwiceInALoop_ReportsTwoEvents_UnderDistinctKeys()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var started = await engine.StartAsync(Reminders(declareSequence: true), correlationId: Steps.CaseId);

        await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Again" });

        var keys = engine.Store.GetEffects(started.Id).OfType<MailRequested>().Select(m => m.EventKey);
        Assert.Equal([$"{started.Id}:remind:1", $"{started.Id}:remind:2"], keys);
    }

    [Fact]
    public async Task Keys_CountTheInstancesEvents_AcrossActivities()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var definition = new WorkflowBuilder("two-steps")
            .Variable(CaseEffectContext.EventSequenceVariable, "Number", 0)
            .Activity("start", "Start")
            .Activity("open", "UpdateCase", Expr.Lit("status", "open"))
            .Activity("note", "UpdateCase", Expr.Lit("note", "Customer called"))
            .Connect("start", "open").Connect("open", "note")
            .Build();

        var instance = await engine.StartAsync(definition, correlationId: Steps.CaseId);

        Assert.Equal([$"{instance.Id}:open:1", $"{instance.Id}:note:2"], engine.Store.GetEffects(instance.Id).Cast<ICaseEffect>().Select(e => e.EventKey).Distinct());
    }

    [Fact]
    public async Task WithoutTheEventSequenceVariable_KeysAreStillUniquePerEvent()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var started = await engine.StartAsync(Reminders(declareSequence: false), correlationId: Steps.CaseId);

        await engine.Runtime.ResumeAsync(started.Id, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Again" });

        var keys = engine.Store.GetEffects(started.Id).OfType<MailRequested>().Select(m => m.EventKey).ToList();
        Assert.Equal(2, keys.Distinct().Count());
        Assert.All(keys, k => Assert.StartsWith($"{started.Id}:remind:", k));
    }

    private static WorkflowDefinition Reminders(bool declareSequence)
    {
        var builder = new WorkflowBuilder("reminders");
        if (declareSequence) builder.Variable(CaseEffectContext.EventSequenceVariable, "Number", 0);
        return builder
            .Activity("start", "Start")
            .Activity("remind", "SendEmail", Expr.Lit("to", Expr.List("owner")), Expr.Lit("subject", "Return visit due"), Expr.Lit("body", "Please call back."))
            .Activity("ask", "HumanTask", Expr.Lit("role", "aftersales"), Expr.Lit("title", "Remind again?"), Expr.Lit("outcomes", Expr.List("Again", "Stop")))
            .Connect("start", "remind")
            .Connect("remind", "ask")
            .Connect("ask", "Again", "remind")
            .Build();
    }
}
