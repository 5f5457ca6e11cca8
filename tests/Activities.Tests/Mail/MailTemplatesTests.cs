using System.Text.Json.Nodes;
using AfterSales.Activities.Mail;

namespace AfterSales.Activities.Tests.Mail;

public sealed class MailTemplatesTests
{
    private static readonly JsonObject Model = JsonNode.Parse("""
        {
          "case": { "number": "AS-2026-000123", "inWarranty": true, "customer": { "name": "王先生", "company": "上海某某电子有限公司" } },
          "hoursOpen": 26,
          "parts": [ { "name": "电源板", "qty": 2, "cost": 35.5 }, { "name": "风扇", "qty": 1, "cost": 12 } ]
        }
        """)!.AsObject();

    [Fact]
    public void Render_FillsVariables_IncludingNestedOnes()
    {
        var mail = MailTemplates.Render(
            "[{{ case.number }}] {{ case.customer.company }} 的投诉 {{ hoursOpen }} 小时未响应",
            "{{ case.customer.name }}您好，{% if case.inWarranty %}质保期内免费维修{% else %}需先报价{% endif %}。",
            Model);

        Assert.Equal("[AS-2026-000123] 上海某某电子有限公司 的投诉 26 小时未响应", mail.Subject);
        Assert.Equal("王先生您好，质保期内免费维修。", mail.Body);
    }

    [Fact]
    public void Render_LoopsOverLists()
    {
        var mail = MailTemplates.Render(
            "更换配件 {{ parts | size }} 项",
            "{% for p in parts %}{{ forloop.index }}. {{ p.name }} x{{ p.qty }} ¥{{ p.cost }}\n{% endfor %}",
            Model);

        Assert.Equal("更换配件 2 项", mail.Subject);
        Assert.Equal("1. 电源板 x2 ¥35.5\n2. 风扇 x1 ¥12\n", mail.Body);
    }

    [Fact]
    public void Render_MakesTheSubjectOneLine_AndRendersMissingValuesEmpty()
    {
        var mail = MailTemplates.Render("{{ case.number }}\n  回访提醒\n", "{{ nothing.here }}", Model);

        Assert.Equal("AS-2026-000123 回访提醒", mail.Subject);
        Assert.Equal("", mail.Body);
    }

    [Fact]
    public void Render_NamesTheSubject_WhenTheSubjectDoesNotParse()
    {
        var e = Assert.Throws<MailTemplateException>(() => MailTemplates.Render("客诉 {{ case.number ", "ok", Model));

        Assert.Equal(("subject", 1, 18), (e.Template, e.Line, e.Column));
        Assert.StartsWith("The subject template does not parse at line 1, column 18: ", e.Message);
    }

    [Fact]
    public void Render_NamesTheBodyAndTheLine_WhenTheBodyDoesNotParse()
    {
        var e = Assert.Throws<MailTemplateException>(() => MailTemplates.Render("ok", "第一行\n{% for p in parts %}{{ p.name }}", Model));

        Assert.Equal(("body", 2), (e.Template, e.Line));
        Assert.StartsWith("The body template does not parse at line 2, column ", e.Message);
        Assert.Contains("endfor", e.Message);
    }
}
