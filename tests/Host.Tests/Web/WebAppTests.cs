using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Host.Web;
using AfterSales.TestSupport;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Web;

/// <summary>
/// The Host serves the web application ClientApp builds into wwwroot: its page for every path the app routes, hashed
/// assets cached for good and compressed, the page itself never cached and under a policy the app works with, and
/// nothing of it in place of an API answer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class WebAppTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/cases/3f1c2a9e-0000-4000-8000-000000000001?tab=costs")]
    [InlineData("/users/wang.fang")]
    public async Task AnAppPath_AnswersTheAppsPage_ToAnyone_Uncached_UnderTheAppsPolicy(string path)
    {
        var page = await AnonymousClient().GetAsync(path);

        await page.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await page.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Equal(WebApp.ContentSecurityPolicy, string.Join(", ", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", string.Join(", ", page.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", string.Join(", ", page.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task TheAppsPolicy_AllowsNoInlineScript_AndThePageHasNone()
    {
        var html = await (await AnonymousClient().GetAsync("/")).Content.ReadAsStringAsync();

        var scriptSources = Directives()["script-src"];
        Assert.Equal(["'self'"], scriptSources);
        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", html);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }

    [Theory]
    [InlineData("/api/no-such-thing", HttpStatusCode.Unauthorized)]
    [InlineData("/api/auth/me", HttpStatusCode.Unauthorized)]
    [InlineData("/openapi/v1.json", HttpStatusCode.Unauthorized)]
    [InlineData("/hangfire", HttpStatusCode.Unauthorized)]
    [InlineData("/survey/no-such-token", HttpStatusCode.NotFound)]
    [InlineData("/assets/no-such-file.js", HttpStatusCode.Unauthorized)]
    public async Task AServerPath_IsNeverAnsweredWithTheAppsPage(string path, HttpStatusCode expected)
    {
        var response = await AnonymousClient().GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("<div id=\"root\">", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task AHashedAsset_IsCachedForGood_AndCompressed(string encoding)
    {
        var asset = await FirstScriptAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, asset);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await AnonymousClient().SendAsync(request);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task AHashedAsset_IsSentPlain_ToAClientThatTakesNoCompression()
    {
        var asset = await FirstScriptAsync();

        var response = await AnonymousClient().GetAsync(asset);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        var built = Path.Combine(RepositoryFolders.Root.FullName, "src", "Host", "wwwroot", asset.TrimStart('/'));
        Assert.Equal(await File.ReadAllBytesAsync(built), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnApiAnswer_IsNotCompressed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        var response = await Client.SendAsync(request);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task TheApiReference_IsForSignedInUsers_AndServedWhollyByTheHost()
    {
        await (await AnonymousClient().GetAsync("/api/docs/")).AssertStatusAsync(HttpStatusCode.Unauthorized);

        var page = await Client.GetAsync("/api/docs/");

        await page.AssertStatusAsync(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("\"url\":\"openapi/v1.json\"", html);
        var sources = SourceAttributes().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.DoesNotMatch("^(https?:)?//", source);
            var absolute = new Uri(new Uri(Client.BaseAddress!, "/api/docs/"), source);
            await (await Client.GetAsync(absolute)).AssertStatusAsync(HttpStatusCode.OK);
        }
        Assert.DoesNotMatch(@"https?://(?!localhost)[a-z0-9.-]+\.(com|io|net|dev)/", html);
    }

    private async Task<string> FirstScriptAsync()
    {
        var html = await (await AnonymousClient().GetAsync("/")).Content.ReadAsStringAsync();
        return ScriptSource().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"index.html names no script: {html}");
    }

    private static Dictionary<string, string[]> Directives() => WebApp.ContentSecurityPolicy
        .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());

    [GeneratedRegex("<script[^>]*\\ssrc=\"(/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<(?:script|link)[^>]*\\s(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex SourceAttributes();
}
