using AfterSales.Activities.Mail;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Activities.Tests.Security;

/// <summary>
/// Issue 7, finding 1c: recipient lists accepted any literal address, so a definition (or an input) could make the install
/// mail anyone. Recipients are roles, users, the case's customer and owner, and addresses an administrator allowed.
/// </summary>
public sealed class MailRecipientTests
{
    private const string Attacker = "attacker@evil.example";
    private const string TeamMailbox = "gm.office@huaan-group.cn";

    private static TestEngine Engine(params string[] allowed) => new(b =>
    {
        b.AddAfterSalesActivities();
        b.Services.AddSingleton(new MailRecipientOptions { AllowedAddresses = allowed });
    });

    private static WorkflowBuilder Mail(string to) =>
        Steps.Around("SendEmail", Expr.Lit("to", Expr.List("role:gm", to)), Expr.Lit("subject", "s"), Expr.Lit("body", "b"));

    [Theory]
    [InlineData("SendEmail")]
    [InlineData("Escalate")]
    [InlineData("SendSurvey")]
    public void Validate_RejectsALiteralAddress_InTheRecipientsOfAnActivityThatMails(string type)
    {
        using var engine = Engine();
        var definition = Steps.Around(type, Expr.Lit("to", Expr.List("customer", Attacker)), Expr.Lit("subject", "s"), Expr.Lit("body", "b"),
            Expr.Lit("level", 1), Expr.Lit("reason", "r")).Build();

        var problems = engine.Compiler.Validate(definition).Where(p => p.Severity == Severity.Error && p.Field == "to").ToList();

        var problem = Assert.Single(problems);
        Assert.Equal("step", problem.ActivityId);
        Assert.StartsWith($"'{Attacker}' is an address that is not allowed", problem.Message);
    }

    [Fact]
    public void Validate_RejectsALiteralAddress_InTheDefaultOfAListVariable()
    {
        using var engine = Engine();
        var definition = Steps.Around("SendEmail", Expr.Js("to", "variables.notify"), Expr.Lit("subject", "s"), Expr.Lit("body", "b"))
            .Variable("notify", "StringList", Expr.List("owner", Attacker)).Build();

        var problem = Assert.Single(engine.Compiler.Validate(definition), p => p.Severity == Severity.Error);

        Assert.Equal((null, "variables[1].default"), (problem.ActivityId, problem.Field));
    }

    [Fact]
    public void Validate_AcceptsAnAddress_AnAdministratorAllowed()
    {
        using var engine = Engine(TeamMailbox);

        Assert.DoesNotContain(engine.Compiler.Validate(Mail("GM.Office@huaan-group.cn").Build()), p => p.Severity == Severity.Error);
    }

    [Fact]
    public async Task SendEmail_Faults_WhenAScriptNamesAnAddressNotAllowed()
    {
        using var engine = Engine();
        var definition = Steps.Around("SendEmail", Expr.Js("to", $"['owner', '{Attacker}']"), Expr.Lit("subject", "s"), Expr.Lit("body", "b")).Build();

        var instance = await engine.StartAsync(definition, correlationId: Steps.CaseId);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.StartsWith($"'{Attacker}' is an address that is not allowed", Assert.Single(instance.Incidents).Message);
        Assert.Empty(engine.Store.GetEffects(instance.Id));
    }
}
