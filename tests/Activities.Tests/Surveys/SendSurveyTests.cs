using System.Text.Json.Nodes;
using AfterSales.Activities.Surveys;
using AfterSales.Cases.Surveys;
using AfterSales.TestSupport.Engine;

namespace AfterSales.Activities.Tests.Surveys;

public sealed class SendSurveyTests
{
    [Fact]
    public async Task SendSurvey_KeepsThePlaceOfTheLink_ForTheOutboxToFill_AndSaysWhenTheLinkExpires()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var definition = Steps.Around("SendSurvey",
            Expr.Liquid("subject", "[{{ correlationId }}] How did we do?"),
            Expr.Liquid("body", "Dear {{ input.customer }}, please rate us: {{ surveyLink }}\n{{ surveyLink }}")).Build();

        var instance = await engine.StartAsync(definition, new JsonObject { ["customer"] = "王芳" }, Steps.CaseId);

        var survey = Assert.IsType<SurveyRequested>(Assert.Single(engine.Store.GetEffects(instance.Id)));
        var now = engine.Time.GetUtcNow();
        Assert.Equal(($"{instance.Id}:step:1", Steps.CaseId, "SatisfactionSurvey", now), (survey.EventKey, survey.CaseId, survey.Form, survey.At));
        Assert.Equal(["customer"], survey.To);
        Assert.Equal($"[{Steps.CaseId}] How did we do?", survey.Subject);
        Assert.Equal("Dear 王芳, please rate us: {{ surveyLink }}\n{{ surveyLink }}", survey.Body);
        Assert.Equal((TimeSpan.FromDays(14), now.AddDays(14)), (survey.ExpiresIn, survey.ExpiresAt));
    }

    [Fact]
    public async Task SendSurvey_TakesTheExpiryAndRecipientsFromTheWorkflow()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var definition = Steps.Around("SendSurvey",
                Expr.Js("expiresIn", "variables.surveyExpiresIn"), Expr.Lit("to", Expr.List("customer", "user:li.wei")),
                Expr.Lit("subject", "s"), Expr.Lit("body", "{{ surveyLink }}"))
            .Variable("surveyExpiresIn", "Duration", "P7D")
            .Build();

        var instance = await engine.StartAsync(definition, correlationId: Steps.CaseId);

        var survey = Assert.IsType<SurveyRequested>(Assert.Single(engine.Store.GetEffects(instance.Id)));
        Assert.Equal(TimeSpan.FromDays(7), survey.ExpiresIn);
        Assert.Equal(["customer", "user:li.wei"], survey.To);
        Assert.Equal("{{ surveyLink }}", survey.Body); // a literal body is not rendered at all
    }
}
