using System.Net;
using System.Net.Http.Json;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Surveys;

[Collection(PostgresCollection.Name)]
public sealed class SurveyTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    /// <summary>A complaint process that only surveys the customer: the survey exists as soon as the case does.</summary>
    public static string SurveysAtOnce(string expiresIn = "P14D") => $$$"""
        {
          "definitionId": "complaint",
          "name": "Survey at once",
          "variables": [ { "name": "eventSequence", "type": "Number", "default": 0 } ],
          "inputs": [ { "name": "case", "type": "Object" } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "survey", "type": "SendSurvey", "expiresIn": "{{{expiresIn}}}",
                "subject": { "type": "Liquid", "value": "[{{ caseFile.number }}] How did we do?" },
                "body": { "type": "Liquid", "value": "Dear {{ caseFile.customer.name }}, please rate us: {{ surveyLink }}" } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "survey" } },
              { "source": { "activity": "survey" }, "target": { "activity": "end" } }
            ]
          }
        }
        """;

    [Fact]
    public async Task TheSurveyMail_CarriesThePublicLink_AndThePageShowsTheForm()
    {
        var (caseId, token) = await SurveyedCaseAsync();

        await using (var db = Db())
        {
            var mail = await db.MailOutbox.AsNoTracking().SingleAsync(m => m.CaseId == caseId);
            Assert.Equal($"Dear Li Wei, please rate us: http://localhost:5080/survey/{token}", mail.Body);
            Assert.EndsWith("How did we do?", mail.Subject);
        }
        var page = await AnonymousClient().GetAsync($"/survey/{token}");
        await page.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("客户满意度调查", html);
        Assert.Contains("Customer satisfaction survey", html);
        Assert.Contains("name=\"rating\" value=\"5\"", html);
    }

    [Fact]
    public async Task AnswerSurvey_Answers201Once_ThenA409_AndWritesTheAnswerOnTheCase()
    {
        var (caseId, token) = await SurveyedCaseAsync();
        var customer = AnonymousClient();

        var first = await customer.PostAsJsonAsync($"/api/surveys/{token}", new { rating = 4, comment = "快速响应 Quick", wouldRecommend = true });

        await first.AssertStatusAsync(HttpStatusCode.Created);
        await (await customer.PostAsJsonAsync($"/api/surveys/{token}", new { rating = 1 })).AssertProblemAsync(HttpStatusCode.Conflict);
        var timeline = (await Client.GetJsonAsync($"{CaseApi.Cases}/{caseId}"))["timeline"]!.AsArray();
        var answer = timeline.Single(e => e.Text("kind") == "survey")!;
        Assert.Equal("Satisfaction survey answered: 4/5, would recommend: 快速响应 Quick", answer.Text("text"));
        await using var db = Db();
        var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Token == token);
        Assert.Equal((4, true), (survey.Rating, survey.WouldRecommend));
        Assert.Contains("已提交过", await (await customer.GetAsync($"/survey/{token}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetCase_ShowsTheSurvey_SentAndThenAnswered_WithoutItsToken()
    {
        var (caseId, token) = await SurveyedCaseAsync();

        var sent = (await Client.GetJsonAsync($"{CaseApi.Cases}/{caseId}"))["survey"]!;
        Assert.NotNull(sent["sentAt"]);
        Assert.Null(sent["answeredAt"]);
        Assert.Null(sent["rating"]);
        var answer = new { rating = 3, comment = "还行 OK", wouldRecommend = false };
        var answering = await AnonymousClient().PostAsJsonAsync($"/api/surveys/{token}", answer);
        await answering.AssertStatusAsync(HttpStatusCode.Created);

        var details = await Client.GetJsonAsync($"{CaseApi.Cases}/{caseId}");
        var answered = details["survey"]!;
        var shown = (answered["rating"]!.GetValue<int>(), answered.Text("comment"),
            answered["wouldRecommend"]!.GetValue<bool>());
        Assert.Equal((3, "还行 OK", false), shown);
        Assert.NotNull(answered["answeredAt"]);
        Assert.DoesNotContain(token, details.ToJsonString());
    }

    [Theory]
    [InlineData("""{ "rating": 0 }""")]
    [InlineData("""{ "rating": 6 }""")]
    [InlineData("""{ "rating": "five" }""")]
    [InlineData("""{ "comment": "no rating" }""")]
    public async Task AnswerSurvey_WithABadRating_Answers400_AndRecordsNothing(string body)
    {
        var (_, token) = await SurveyedCaseAsync();

        var response = await AnonymousClient().PostAsync($"/api/surveys/{token}", Api.Json(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "rating");
        await using var db = Db();
        Assert.Null((await db.Surveys.AsNoTracking().SingleAsync(s => s.Token == token)).AnsweredAt);
    }

    [Fact]
    public async Task AnExpiredSurvey_Answers410_AndItsPageSaysSo()
    {
        var (_, token) = await SurveyedCaseAsync();
        await using (var db = Db())
            await db.Surveys.Where(s => s.Token == token).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));

        var response = await AnonymousClient().PostAsJsonAsync($"/api/surveys/{token}", new { rating = 5 });

        await response.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("已过期", await (await AnonymousClient().GetAsync($"/survey/{token}")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, null, "zh-CN")]
    [InlineData("en-US,en;q=0.9", null, "en")]
    [InlineData("fr-FR, en;q=0.8, zh-CN;q=0.9", null, "zh-CN")]
    [InlineData("zh-CN,zh;q=0.9", "en", "en")]
    [InlineData("en", "zh-CN", "zh-CN")]
    public async Task ThePage_SpeaksTheBrowsersLanguage_UnlessTheSwitchChoseOne(string? acceptLanguage, string? lang,
        string expected)
    {
        var (_, token) = await SurveyedCaseAsync();
        var query = lang is null ? "" : $"?lang={lang}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/survey/{token}{query}");
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var page = await AnonymousClient().SendAsync(request);

        await page.AssertStatusAsync(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{expected}\"", html);
        var title = expected == "en" ? "Customer satisfaction survey" : "客户满意度调查";
        Assert.Contains($"<title>{title}</title>", html);
    }

    [Fact]
    public async Task AnUnknownToken_Answers404()
    {
        await (await AnonymousClient().PostAsJsonAsync("/api/surveys/no-such-token", new { rating = 5 })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await AnonymousClient().GetAsync("/survey/no-such-token")).AssertStatusAsync(HttpStatusCode.NotFound);
    }

    private async Task<(string CaseId, string Token)> SurveyedCaseAsync()
    {
        if ((await Client.GetAsync($"{Api.Definitions}/complaint")).StatusCode == HttpStatusCode.NotFound)
            await Client.PublishAsync(SurveysAtOnce());
        var caseId = (await Client.OpenCaseAsync()).Text("id");
        await using var db = Db();
        return (caseId, (await db.Surveys.AsNoTracking().SingleAsync(s => s.CaseId == caseId)).Token);
    }

    private AfterSalesDbContext Db() => Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContext();
}
