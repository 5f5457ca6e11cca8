using AfterSales.Activities.Escalations;
using AfterSales.Activities.Mail;
using AfterSales.Cases.Escalations;
using AfterSales.Cases.Mail;
using AfterSales.Cases;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;

namespace AfterSales.Activities.Tests.Escalations;

public sealed class EscalateTests
{
    [Fact]
    public async Task Escalate_MarksTheCase_NotesItOnTheTimeline_AndMailsTheLevelsRecipients_UnderOneEventKey()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var definition = Steps.Around("Escalate",
                Expr.Lit("level", 2), Expr.Js("to", "variables.secondEscalationTo"),
                Expr.Liquid("subject", "[{{ correlationId }}] First response still overdue"),
                Expr.Liquid("body", "Unanswered after {{ variables.secondEscalationDue }}."))
            .Variable("secondEscalationTo", "StringList", Expr.List("role:gm"))
            .Variable("secondEscalationDue", "Duration", "PT48H")
            .Build();

        var instance = await engine.StartAsync(definition, correlationId: Steps.CaseId);

        var effects = engine.Store.GetEffects(instance.Id);
        Assert.Equal([typeof(CaseEscalated), typeof(CaseTimelineEntry), typeof(MailRequested)], effects.Select(e => e.GetType()));
        Assert.All(effects.Cast<ICaseEffect>(), e => Assert.Equal(($"{instance.Id}:step:1", Steps.CaseId), (e.EventKey, e.CaseId)));
        var escalated = (CaseEscalated)effects[0];
        Assert.Equal((2, "first_response"), (escalated.Level, escalated.Reason));
        Assert.Equal(["role:gm"], escalated.To);
        var entry = (CaseTimelineEntry)effects[1];
        Assert.Equal(("escalation", "Escalated to level 2 (first_response): role:gm told"), (entry.Kind, entry.Text));
        var mail = (MailRequested)effects[2];
        Assert.Equal(["role:gm"], mail.To);
        Assert.Equal(($"[{Steps.CaseId}] First response still overdue", "Unanswered after PT48H."), (mail.Subject, mail.Body));
    }

    [Fact]
    public async Task Escalate_WritesTheNoteItIsGiven()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var definition = Steps.Around("Escalate",
            Expr.Lit("reason", "return_visit_overdue"), Expr.Lit("to", Expr.List("role:aftersales_manager")),
            Expr.Lit("subject", "Return visit overdue"), Expr.Lit("body", "Please follow up."),
            Expr.Liquid("note", "Return visit of {{ correlationId }} overdue: manager told")).Build();

        var instance = await engine.StartAsync(definition, correlationId: Steps.CaseId);

        var effects = engine.Store.GetEffects(instance.Id);
        Assert.Equal((1, "return_visit_overdue"), (((CaseEscalated)effects[0]).Level, ((CaseEscalated)effects[0]).Reason));
        Assert.Equal($"Return visit of {Steps.CaseId} overdue: manager told", ((CaseTimelineEntry)effects[1]).Text);
    }

    [Fact]
    public async Task Escalate_ToLevelZero_Faults()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var definition = Steps.Around("Escalate", Expr.Lit("level", 0), Expr.Lit("to", Expr.List("role:gm")), Expr.Lit("subject", "s"), Expr.Lit("body", "b")).Build();

        var instance = await engine.StartAsync(definition, correlationId: Steps.CaseId);

        Assert.Equal("the level must be 1 or more, not 0", Assert.Single(instance.Incidents).Message);
        Assert.Empty(engine.Store.GetEffects(instance.Id));
    }
}
