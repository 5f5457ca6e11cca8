using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Host.Surveys;

/// <summary>
/// The customer's survey page: one self-contained HTML page in Chinese and English, posting with fetch. Its script and
/// style are constants, allowed by their hashes in <see cref="ContentSecurityPolicy"/>; the token reaches the script as
/// a data attribute, so nothing inline varies per page and nothing else may run.
/// </summary>
internal static class SurveyPage
{
    public enum State { Open, Answered, Expired, Unknown }

    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
        h1 { font-size: 1.4rem; } .en { color: #555; font-size: .9em; } .case { color: #555; }
        fieldset { border: 1px solid #ccc; border-radius: .4rem; margin: 1rem 0; }
        label { display: inline-block; margin: .3rem .8rem .3rem 0; }
        textarea { width: 100%; min-height: 6rem; box-sizing: border-box; }
        button { font-size: 1rem; padding: .5rem 1.5rem; }
        #result { margin-top: 1rem; font-weight: bold; }
        """;

    private const string Script = """
        const form = document.getElementById("survey");
        const token = form.dataset.token;
        const messages = {
          201: "感谢您的反馈！<br><span class='en'>Thank you for your feedback!</span>",
          409: "您已提交过本次调查。<br><span class='en'>You have answered this survey already.</span>",
          410: "本次调查已过期。<br><span class='en'>This survey has expired.</span>",
          404: "找不到该调查。<br><span class='en'>There is no such survey.</span>",
        };
        form.addEventListener("submit", async event => {
          event.preventDefault();
          const body = {
            rating: Number(form.rating.value),
            comment: form.comment.value.trim() || null,
            wouldRecommend: form.wouldRecommend.checked,
          };
          const response = await fetch("/api/surveys/" + encodeURIComponent(token), {
            method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
          });
          const result = document.getElementById("result");
          result.innerHTML = messages[response.status] ?? "提交失败，请稍后再试。<br><span class='en'>Something went wrong; please try again later.</span>";
          if (response.status !== 400 && response.status < 500) form.remove();
        });
        """;

    /// <summary>Only the page's own script and style, its answer posted to this origin; no framing, no base, no form posts.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src {Hash(Script)}; style-src {Hash(Style)}; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string Hash(string inline) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'";

    public static string Render(string token, string? caseNumber, State state)
    {
        var heading = caseNumber is null ? "" : $"<p class=\"case\">{WebUtility.HtmlEncode(caseNumber)}</p>";
        var content = state switch
        {
            State.Open => Form(token),
            State.Answered => Message("您已提交过本次调查，谢谢！", "You have answered this survey already. Thank you!"),
            State.Expired => Message("本次调查已过期。", "This survey has expired."),
            _ => Message("找不到该调查。", "There is no such survey."),
        };
        return $$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>客户满意度调查 Customer satisfaction survey</title>
            <style>{{Style}}</style>
            </head>
            <body>
            <h1>客户满意度调查 <span class="en">Customer satisfaction survey</span></h1>
            {{heading}}
            {{content}}
            </body>
            </html>
            """;
    }

    private static string Message(string zh, string en) => $"<p id=\"result\">{zh}<br><span class=\"en\">{en}</span></p>";

    private static string Form(string token) => $$"""
        <form id="survey" data-token="{{WebUtility.HtmlEncode(token)}}">
          <fieldset>
            <legend>您对本次服务的评分 <span class="en">How would you rate our service?</span></legend>
            <label><input type="radio" name="rating" value="1" required> 1 很不满意 <span class="en">very poor</span></label>
            <label><input type="radio" name="rating" value="2"> 2 不满意 <span class="en">poor</span></label>
            <label><input type="radio" name="rating" value="3"> 3 一般 <span class="en">fair</span></label>
            <label><input type="radio" name="rating" value="4"> 4 满意 <span class="en">good</span></label>
            <label><input type="radio" name="rating" value="5"> 5 非常满意 <span class="en">excellent</span></label>
          </fieldset>
          <p><label for="comment">意见与建议 <span class="en">Comments</span></label><br><textarea id="comment" name="comment" maxlength="2000"></textarea></p>
          <p><label><input type="checkbox" name="wouldRecommend"> 愿意向他人推荐我们 <span class="en">I would recommend you to others</span></label></p>
          <button type="submit">提交 <span class="en">Submit</span></button>
        </form>
        <p id="result" role="status"></p>
        <script>{{Script}}</script>
        """;
}
