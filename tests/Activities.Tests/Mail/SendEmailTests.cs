using System.Text.Json.Nodes;
using AfterSales.Activities.Mail;
using AfterSales.Cases.Mail;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Activities.Tests.Mail;

public sealed class SendEmailTests
{
    [Fact]
    public async Task SendEmail_RendersSubjectAndBodyNow_AndEmitsTheMailForTheOutbox()
    {
        // A literal address only when an administrator allowed it (issue 7).
        using var engine = new TestEngine(b =>
        {
            b.AddAfterSalesActivities();
            b.Services.AddSingleton(new MailRecipientOptions { AllowedAddresses = ["wang@huaan-elec.cn"] });
        });
        var definition = Steps.Around("SendEmail",
                Expr.Js("to", "variables.notify"),
                Expr.Liquid("subject", "[{{ correlationId }}] 回访到期\n  Return visit due"),
                Expr.Liquid("body", "请回访 {{ input.customer }}，已过 {{ variables.delay }}。"))
            .Variable("notify", "StringList", Expr.List(" owner", "role:aftersales_manager", "owner", "wang@huaan-elec.cn"))
            .Variable("delay", "Duration", "PT2H")
            .Build();

        var instance = await engine.StartAsync(definition, new JsonObject { ["customer"] = "华安电子" }, Steps.CaseId);

        var mail = Assert.IsType<MailRequested>(Assert.Single(engine.Store.GetEffects(instance.Id)));
        Assert.Equal(($"{instance.Id}:step:1", Steps.CaseId, engine.Time.GetUtcNow()), (mail.EventKey, mail.CaseId, mail.At));
        Assert.Equal(["owner", "role:aftersales_manager", "wang@huaan-elec.cn"], mail.To);
        Assert.Equal($"[{Steps.CaseId}] 回访到期 Return visit due", mail.Subject);
        Assert.Equal("请回访 华安电子，已过 PT2H。", mail.Body);
    }

    [Fact]
    public async Task SendEmail_ToSomethingThatIsNoRecipient_Faults_NamingIt()
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());
        var definition = Steps.Around("SendEmail", Expr.Lit("to", Expr.List("role:gm", "general manager")), Expr.Lit("subject", "s"), Expr.Lit("body", "b")).Build();

        var instance = await engine.StartAsync(definition, correlationId: Steps.CaseId);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal("'general manager' is not a recipient: use role:<role>, user:<name>, customer, owner or an email address", Assert.Single(instance.Incidents).Message);
        Assert.Empty(engine.Store.GetEffects(instance.Id));
    }

    [Theory]
    [InlineData("role:aftersales_manager")]
    [InlineData("user:li.wei")]
    [InlineData("customer")]
    [InlineData("owner")]
    [InlineData("wang.fang@huaan-elec.cn")]
    public void MailRecipients_Accept_RolesUsersTheCustomerTheOwnerAndAllowedAddresses(string recipient) =>
        Assert.Equal([recipient], MailRecipients.Check([recipient], new MailRecipientOptions { AllowedAddresses = ["wang.fang@huaan-elec.cn"] }));

    [Theory]
    [InlineData("gm")]
    [InlineData("role:")]
    [InlineData("user:")]
    [InlineData("Customer")]
    [InlineData("wang@localhost")]
    [InlineData("role:gm@x.cn")]
    public void MailRecipients_Refuse_AnythingElse(string recipient)
    {
        var e = Assert.Throws<InvalidOperationException>(() => MailRecipients.Check(["owner", recipient], new MailRecipientOptions()));

        Assert.StartsWith($"'{recipient}' is not a recipient", e.Message);
    }

    [Fact]
    public void MailRecipients_RefuseAnEmptyList() =>
        Assert.Equal("there is no recipient: name at least one", Assert.Throws<InvalidOperationException>(() => MailRecipients.Check(["", " "], new MailRecipientOptions())).Message);
}
