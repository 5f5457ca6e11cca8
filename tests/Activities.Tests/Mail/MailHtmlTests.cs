using AfterSales.Activities.Mail;

namespace AfterSales.Activities.Tests.Mail;

public sealed class MailHtmlTests
{
    [Fact]
    public void Render_EscapesTheText_AndKeepsItsParagraphsAndLines()
    {
        var html = MailHtml.Render("[AS-1] <b>Due</b>", "客户 <script>alert(1)</script> & co\nline two\n\n第二段");

        Assert.Contains("客户 &lt;script&gt;alert(1)&lt;/script&gt; &amp; co<br>line two</p>", html);
        Assert.Contains("第二段</p>", html);
        Assert.Contains("[AS-1] &lt;b&gt;Due&lt;/b&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void Render_MakesAddressesLinks_WithoutTheirTrailingPunctuation()
    {
        var html = MailHtml.Render("s", "打开案件 / Open the case: https://svc.example.com/cases/01ab?x=1&y=2.");

        Assert.Contains(
            "<a href=\"https://svc.example.com/cases/01ab?x=1&amp;y=2\" "
            + "style=\"color:#1f4e8c;text-decoration:underline;\">"
            + "https://svc.example.com/cases/01ab?x=1&amp;y=2</a>.", html);
    }

    [Fact]
    public void Render_IsATableLayoutWithInlineStyles_ThatLoadsNothingFromOutside()
    {
        var html = MailHtml.Render("s", "javascript:alert(1) and \"quoted\" http://a.example/\"onmouseover=\"x");

        Assert.Contains("<table role=\"presentation\"", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.Contains("<a href=\"http://a.example/\" style=", html);
        Assert.Contains("&quot;onmouseover=&quot;x", html);
    }
}
