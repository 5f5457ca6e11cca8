using System.IO.Compression;
using AfterSales.Host.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Scalar.AspNetCore;

namespace AfterSales.Host.Web;

/// <summary>
/// Serves the web application that ClientApp builds into wwwroot (docs/web.md): its files compressed and cached by
/// kind, <c>index.html</c> for every path the app routes itself, and the interactive API reference at <c>/api/docs</c>.
/// </summary>
internal static class WebApp
{
    /// <summary>Paths the server answers itself: never the app's index.html, so an unknown API path stays an API answer.</summary>
    private static readonly PathString[] ServerPaths = ["/api", "/openapi", "/hangfire", "/survey", "/assets"];

    /// <summary>
    /// The app's policy. Scripts only from this origin (Vite emits no inline script). Styles also inline, because Ant
    /// Design writes its CSS-in-JS into style elements at run time; a nonce would need index.html rendered per request,
    /// and an injected style cannot run code, while React escapes what people type. No frames, plugins or base changes.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        SecurityHeaders.FrameAncestorsNone;

    public static void AddWebApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
    }

    /// <summary>Before authentication: the app's files are public (the API they call is not).</summary>
    public static void UseWebAppFiles(this WebApplication app)
    {
        // Only the app's files are compressed: an API answer holding a token or personal data next to text the caller
        // chose would give a BREACH-style attack over HTTPS something to measure.
        app.UseWhen(context => !IsServerPath(context.Request.Path) || context.Request.Path.StartsWithSegments("/assets"),
            branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => SetHeaders(context.Context) });
        // A middleware, not a fallback endpoint: a catch-all endpoint would join the routing of every API path and turn
        // its 405/415 answers into 404s. Here only a GET that no endpoint took reaches the app's page.
        app.Use((context, next) => context.GetEndpoint() is null && IsAppPageRequest(context.Request)
            ? ServeIndexAsync(context)
            : next(context));
    }

    public static void MapWebApp(this WebApplication app)
    {
        app.MapScalarApiReference("/api/docs", o =>
        {
            o.Title = "AfterSales API";
            // Everything from this Host: its bundled script, no web fonts, nothing reported elsewhere.
            o.DefaultFonts = false;
            o.Telemetry = false;
        }).RequireAuthorization();
    }

    private static bool IsAppPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !IsServerPath(request.Path);

    /// <summary>The app's page for a path it routes itself (a bookmark, a link from a mail, a reload).</summary>
    private static async Task ServeIndexAsync(HttpContext context)
    {
        var index = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists)
        {
            await Problems.NotFound("The web application is not built: build the Host (dotnet build), which builds it.")
                .ExecuteAsync(context);
            return;
        }
        SetHeaders(context);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = index.Length;
        if (HttpMethods.IsGet(context.Request.Method)) await context.Response.SendFileAsync(index);
    }

    // Vite names every asset after its content hash, so a cached one never goes stale; index.html names the current ones
    // and must be asked for again each time.
    private static void SetHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (context.Request.Path.StartsWithSegments("/assets"))
        {
            headers.CacheControl = "public, max-age=31536000, immutable";
            return;
        }
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    private static bool IsServerPath(PathString path) => ServerPaths.Any(p => path.StartsWithSegments(p));
}
