using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Host.Tests.Surveys;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Security;

/// <summary>
/// The public survey page carries its token in the URL and is shown to anyone holding the link: it must not be framed,
/// sniffed, cached or leak the token as a referrer, and may run only its own script and style. Every other response
/// is kept out of frames and from being sniffed too.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class SecurityHeadersTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheSurveyPage_SendsAStrictPolicy_ThatAllowsOnlyItsOwnScriptAndStyle(bool knownToken)
    {
        var token = knownToken ? await SurveyTokenAsync() : "no-such-token";

        var page = await AnonymousClient().GetAsync($"/survey/{token}");

        await page.AssertStatusAsync(knownToken ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        Assert.Equal("no-referrer", Header(page, "Referrer-Policy"));
        Assert.Equal("no-store", Header(page, "Cache-Control"));
        Assert.Equal("DENY", Header(page, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(page, "X-Content-Type-Options"));
        var policy = Header(page, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'none'"], policy["default-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'none'"], policy["base-uri"]);
        Assert.Equal(["'none'"], policy["form-action"]);
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.DoesNotContain(policy.Values.SelectMany(v => v), v => v.Contains("unsafe"));
        // Every inline script and style of the page is allowed by its hash, and nothing else runs inline.
        var html = await page.Content.ReadAsStringAsync();
        foreach (var (kind, block) in InlineBlocks().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)))
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(block)))}'", policy[$"{kind}-src"]);
        Assert.Equal(knownToken ? 2 : 1, InlineBlocks().Count(html));
        Assert.DoesNotMatch(@"\son[a-z]+\s*=|\sstyle\s*=", html);
    }

    [Theory]
    [InlineData("/api/auth/me")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/cases")]
    public async Task EveryResponse_IsKeptOutOfFrames_AndFromSniffing(string path)
    {
        foreach (var client in new[] { AnonymousClient(), Client })
        {
            var response = await client.GetAsync(path);

            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.Equal("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");

    private async Task<string> SurveyTokenAsync()
    {
        if ((await Client.GetAsync($"{Api.Definitions}/complaint")).StatusCode == HttpStatusCode.NotFound)
            await Client.PublishAsync(SurveyTests.SurveysAtOnce());
        var caseId = (await Client.OpenCaseAsync()).Text("id");
        await using var db = Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContext();
        return (await db.Surveys.AsNoTracking().SingleAsync(s => s.CaseId == caseId)).Token;
    }

    [GeneratedRegex(@"<(script|style)>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex InlineBlocks();
}
