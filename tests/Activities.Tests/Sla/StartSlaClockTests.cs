using System.Text.Json.Nodes;
using AfterSales.Activities.Sla;
using AfterSales.Cases.Sla;
using AfterSales.Cases;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;

namespace AfterSales.Activities.Tests.Sla;

public sealed class StartSlaClockTests
{
    [Fact]
    public async Task StartSlaClock_StartsNow_DueAfterTheDuration_WithTheWarningAtItsShare()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var now = engine.Time.GetUtcNow();

        var instance = await engine.StartAsync(Clock(Expr.Js("due", "variables.due"), Expr.Js("warningShare", "variables.share")), correlationId: Steps.CaseId);

        var effects = engine.Store.GetEffects(instance.Id);
        var key = $"{instance.Id}:step:1";
        Assert.Equal(new SlaClockStarted(key, Steps.CaseId, "first_response", now, now.AddHours(24), now.AddHours(18), now), effects[0]);
        Assert.Equal(new CaseTimelineEntry(key, Steps.CaseId, "sla", "SLA first_response: due by 2026-11-24 09:00 UTC", now), effects[1]);
        JsonAssert.Equal($"\"{now:O}\"", instance.Variables["startedAt"]);
        JsonAssert.Equal($"\"{now.AddHours(24):O}\"", instance.Variables["dueAt"]);
    }

    [Fact]
    public async Task StartSlaClock_CountsFromTheMomentItIsGiven_WithoutAWarningWhenNoShareIsSet()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var received = new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.FromHours(8));

        var instance = await engine.StartAsync(Clock(Expr.Lit("clock", "technical_answer"), Expr.Lit("due", "8h"), Expr.Js("since", "input.receivedAt")),
            new JsonObject { ["receivedAt"] = received.ToString("O") }, Steps.CaseId);

        var clock = Assert.IsType<SlaClockStarted>(engine.Store.GetEffects(instance.Id)[0]);
        Assert.Equal(("technical_answer", received, received.AddHours(8), (DateTimeOffset?)null), (clock.Clock, clock.StartedAt, clock.DueAt, clock.WarningAt));
    }

    [Fact]
    public async Task StartSlaClock_WithAShareAboveOne_Faults()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());

        var instance = await engine.StartAsync(Clock(Expr.Lit("due", "PT24H"), Expr.Lit("warningShare", 75)), correlationId: Steps.CaseId);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal("the warning share must be between 0 and 1, not 75", Assert.Single(instance.Incidents).Message);
    }

    private static Workflows.Definitions.WorkflowDefinition Clock(params (string, Workflows.Definitions.ExpressionSpec)[] inputs) =>
        new Workflows.Definitions.WorkflowBuilder("clock")
            .Input("receivedAt", "DateTime")
            .Variable(CaseEffectContext.EventSequenceVariable, "Number", 0)
            .Variable("due", "Duration", "PT24H")
            .Variable("share", "Number", 0.75)
            .Variable("startedAt", "DateTime")
            .Variable("dueAt", "DateTime")
            .Activity("start", "Start")
            .Activity("step", "StartSlaClock", inputs, [("startedAt", "startedAt"), ("dueAt", "dueAt")])
            .Connect("start", "step")
            .Build();
}
