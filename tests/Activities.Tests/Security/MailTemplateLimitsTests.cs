using System.Text.Json.Nodes;
using AfterSales.Activities.Mail;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Activities.Tests.Security;

/// <summary>
/// Mail subjects and bodies are Liquid a process owner publishes: a template that would take the Host's memory or
/// time faults the SendEmail step (an incident) and no mail is asked for; the mail template renderer refuses it too.
/// </summary>
public sealed class MailTemplateLimitsTests
{
    private static readonly LiquidLimits Small = new() { Timeout = TimeSpan.FromMinutes(1), MaxOutput = 10_000, MaxSteps = int.MaxValue };

    [Theory]
    [InlineData("{% for i in (1..1000000000) %}x{% endfor %}", "a range of 1000000000 numbers is larger than the limit of 10000")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}", "filter 'append' made a value of more than 10000 characters")]
    [InlineData("{% for i in (1..5000) %}0123456789{% endfor %}", "the template wrote more than the limit of 10000 characters")]
    public async Task SendEmail_WithABodyThatBreaksALimit_FaultsTheStep_AndAsksForNoMail(string body, string expected)
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities(), o => o.Liquid = Small);
        var definition = Steps.Around("SendEmail", Expr.Lit("to", Expr.List("owner")), Expr.Lit("subject", "回访"), Expr.Liquid("body", body)).Build();

        var instance = await engine.StartAsync(definition, correlationId: Steps.CaseId);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Contains("input 'body' of activity 'step'", incident.Message);
        Assert.Contains(expected, incident.Message);
        Assert.Empty(engine.Store.GetEffects(instance.Id));
    }

    [Fact]
    public async Task SendEmail_WithASubjectThatRunsTooLong_FaultsTheStep_OnTheTimeLimit()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities(),
            o => o.Liquid = Small with { Timeout = TimeSpan.FromMilliseconds(200), MaxOutput = 1_000_000 });
        var definition = Steps.Around("SendEmail", Expr.Lit("to", Expr.List("owner")),
            Expr.Liquid("subject", "{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}"), Expr.Lit("body", "b")).Build();

        var instance = await engine.StartAsync(definition, correlationId: Steps.CaseId);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("the template ran longer than the time limit of 200 ms", Assert.Single(instance.Incidents).Message);
    }

    [Theory]
    [InlineData("{% for i in (1..1000000000) %}x{% endfor %}", "a range of 1000000000 numbers is larger than the limit of 10000")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..64) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}", "wrote more than the limit of 10000 characters")]
    [InlineData("{{ 1 | format_number: 'F999999999' }}", "filter 'format_number' would make a value of more than 10000 characters")]
    public void MailTemplates_RefuseABodyThatBreaksALimit_NamingTheBody(string body, string expected)
    {
        var e = Assert.Throws<MailTemplateException>(() => MailTemplates.Render("回访", body, new JsonObject(), Small));

        Assert.Equal("body", e.Template);
        Assert.StartsWith("The body template broke a limit: ", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
