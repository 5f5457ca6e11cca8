using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Host.Surveys;

/// <summary>
/// The customer's survey page: one self-contained HTML page in the web application's look, for a phone first, posting
/// with fetch. Every text is in the page in Chinese and English and the chosen language's class on <c>html</c> shows
/// one (<see cref="SurveyLanguage"/>); the switch is a plain link. Its script and style are constants, allowed by their
/// hashes in <see cref="ContentSecurityPolicy"/>; the token reaches the script as a data attribute, so nothing inline
/// varies per page and nothing else may run.
/// </summary>
internal static class SurveyPage
{
    public enum State { Open, Answered, Expired, Unknown }

    // The app's antd palette and font stack (system fonts, Noto CJK on Linux): nothing loaded from elsewhere.
    private const string Style = """
        html.zh span[lang=en], html.en span[lang=zh-CN] { display: none; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f5f5f5; color: rgba(0,0,0,.88); font-size: 16px; line-height: 1.6;
          font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
            "Noto Sans CJK SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif; }
        header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: .75rem 1rem;
          background: #fff; border-bottom: 1px solid #f0f0f0; }
        .brand { font-weight: 600; }
        nav a { display: inline-block; min-height: 44px; padding: .55rem .75rem; color: #1677ff; text-decoration: none;
          border-radius: 6px; }
        nav a[aria-current] { background: #e6f4ff; font-weight: 600; }
        main { max-width: 36rem; margin: 1rem auto; padding: 1.25rem; background: #fff; border-radius: 8px;
          box-shadow: 0 1px 2px rgba(0,0,0,.03), 0 1px 6px -1px rgba(0,0,0,.02), 0 2px 4px rgba(0,0,0,.02); }
        h1 { font-size: 1.35rem; margin: 0 0 .25rem; } .case { color: rgba(0,0,0,.45); margin: 0 0 1rem; }
        @media (max-width: 38rem) { main { margin: .75rem; } }
        fieldset { border: 0; margin: 0 0 1.25rem; padding: 0; }
        legend { font-weight: 600; margin-bottom: .5rem; padding: 0; }
        .ratings { display: grid; grid-template-columns: repeat(5, 1fr); gap: .5rem; }
        .ratings label { display: flex; flex-direction: column; align-items: center; justify-content: center;
          min-height: 64px; padding: .4rem .2rem; border: 1px solid #d9d9d9; border-radius: 8px; cursor: pointer;
          text-align: center; font-size: .8rem; color: rgba(0,0,0,.65); }
        .ratings b { font-size: 1.4rem; color: rgba(0,0,0,.88); line-height: 1.2; }
        .ratings input { position: absolute; opacity: 0; width: 1px; height: 1px; }
        .ratings label:has(input:checked) { border-color: #1677ff; background: #e6f4ff; color: #1677ff; }
        .ratings label:has(input:checked) b { color: #1677ff; }
        .ratings label:has(input:focus-visible) { outline: 2px solid #91caff; outline-offset: 1px; }
        .field { display: block; font-weight: 600; margin-bottom: .4rem; }
        textarea { width: 100%; min-height: 7rem; padding: .5rem .7rem; font: inherit; border: 1px solid #d9d9d9;
          border-radius: 6px; margin-bottom: 1rem; }
        textarea:focus { outline: none; border-color: #1677ff; box-shadow: 0 0 0 2px rgba(5,145,255,.1); }
        .check { display: flex; align-items: center; gap: .6rem; min-height: 44px; margin-bottom: 1rem; }
        .check input { width: 1.25rem; height: 1.25rem; accent-color: #1677ff; }
        button { width: 100%; min-height: 48px; font: inherit; font-weight: 600; color: #fff; background: #1677ff;
          border: 0; border-radius: 8px; cursor: pointer; } button:hover { background: #4096ff; }
        button:disabled { background: #bfbfbf; cursor: default; }
        .message { padding: .75rem 1rem; border-radius: 8px; border: 1px solid #91caff; background: #e6f4ff; }
        .message.done { border-color: #b7eb8f; background: #f6ffed; }
        .message.problem { border-color: #ffccc7; background: #fff2f0; }
        #result:empty { display: none; } #result { margin-top: 1rem; }
        """;

    // Shows the page's prepared message for the answer's status; the messages are in the page, in both languages.
    private const string Script = """
        const form = document.getElementById("survey");
        const token = form.dataset.token;
        const result = document.getElementById("result");
        const show = (status) => {
          const message = document.getElementById("m" + status) ?? document.getElementById("m-other");
          result.replaceChildren(message.content.cloneNode(true));
        };
        form.addEventListener("submit", async event => {
          event.preventDefault();
          const submit = form.querySelector("button");
          submit.disabled = true;
          const body = {
            rating: Number(form.rating.value),
            comment: form.comment.value.trim() || null,
            wouldRecommend: form.wouldRecommend.checked,
          };
          let status = 0;
          try {
            const response = await fetch("/api/surveys/" + encodeURIComponent(token), {
              method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
            });
            status = response.status;
          } catch { status = 0; }
          show(status);
          if (status !== 0 && status !== 400 && status < 500) form.remove(); else submit.disabled = false;
        });
        """;

    /// <summary>
    /// Only the page's own script and style, its answer posted to this origin; no framing, no base, no form posts.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src {Hash(Script)}; style-src {Hash(Style)}; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Text Title = new("客户满意度调查", "Customer satisfaction survey");

    private static string Hash(string inline) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'";

    public static string Render(string token, string? caseNumber, State state, SurveyLanguage language)
    {
        var heading = caseNumber is null ? "" : $"<p class=\"case\">{WebUtility.HtmlEncode(caseNumber)}</p>";
        var content = state switch
        {
            State.Open => Form(token),
            State.Answered => Message("done",
                new("您已提交过本次调查，谢谢！", "You have answered this survey already. Thank you!")),
            State.Expired => Message("problem", new("本次调查已过期。", "This survey has expired.")),
            _ => Message("problem", new("找不到该调查。", "There is no such survey.")),
        };
        var zh = language == SurveyLanguage.Chinese;
        return $$"""
            <!doctype html>
            <html lang="{{(zh ? "zh-CN" : "en")}}" class="{{(zh ? "zh" : "en")}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{(zh ? Title.Zh : Title.En)}}</title>
            <style>{{Style}}</style>
            </head>
            <body>
            <header>
              <span class="brand">{{new Text("售后服务", "After-sales service")}}</span>
              <nav aria-label="语言 Language">
                <a href="?lang=zh-CN" lang="zh-CN"{{(zh ? " aria-current=\"true\"" : "")}}>中文</a>
                <a href="?lang=en" lang="en"{{(zh ? "" : " aria-current=\"true\"")}}>English</a>
              </nav>
            </header>
            <main>
            <h1>{{Title}}</h1>
            {{heading}}
            {{content}}
            </main>
            </body>
            </html>
            """;
    }

    private static string Message(string kind, Text text) => $"<p class=\"message {kind}\" role=\"status\">{text}</p>";

    private static string Form(string token) => $$"""
        <form id="survey" data-token="{{WebUtility.HtmlEncode(token)}}">
          <fieldset>
            <legend>{{new Text("您对本次服务的评分", "How would you rate our service?")}}</legend>
            <div class="ratings">
              {{Rating(1, new("很不满意", "Very poor"), required: true)}}
              {{Rating(2, new("不满意", "Poor"))}}
              {{Rating(3, new("一般", "Fair"))}}
              {{Rating(4, new("满意", "Good"))}}
              {{Rating(5, new("非常满意", "Excellent"))}}
            </div>
          </fieldset>
          <label class="field" for="comment">{{new Text("意见与建议", "Comments")}}</label>
          <textarea id="comment" name="comment" maxlength="2000"></textarea>
          <label class="check"><input type="checkbox" name="wouldRecommend">
            {{new Text("愿意向他人推荐我们", "I would recommend you to others")}}</label>
          <button type="submit">{{new Text("提交", "Submit")}}</button>
        </form>
        <div id="result" aria-live="polite"></div>
        {{string.Concat(Answers.Select(a => $"<template id=\"m{a.Status}\">{Message(a.Kind, a.Text)}</template>"))}}
        <script>{{Script}}</script>
        """;

    // What the script shows after posting the answer, by the answer's status ("other": anything else).
    private static readonly (string Status, string Kind, Text Text)[] Answers =
    [
        ("201", "done", new("感谢您的反馈！", "Thank you for your feedback!")),
        ("409", "problem", new("您已提交过本次调查。", "You have answered this survey already.")),
        ("410", "problem", new("本次调查已过期。", "This survey has expired.")),
        ("404", "problem", new("找不到该调查。", "There is no such survey.")),
        ("-other", "problem", new("提交失败，请稍后再试。", "Something went wrong; please try again later.")),
    ];

    private static string Rating(int value, Text name, bool required = false) =>
        $"<label><input type=\"radio\" name=\"rating\" value=\"{value}\"{(required ? " required" : "")}>" +
        $"<b>{value}</b>{name}</label>";

    /// <summary>A text in both languages; the page shows the one of its language.</summary>
    private sealed record Text(string Zh, string En)
    {
        public override string ToString() => $"<span lang=\"zh-CN\">{Zh}</span><span lang=\"en\">{En}</span>";
    }
}
