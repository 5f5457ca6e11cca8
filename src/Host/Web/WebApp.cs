using AfterSales.Host.Http;
using Microsoft.AspNetCore.StaticFiles;
using Scalar.AspNetCore;

namespace AfterSales.Host.Web;

/// <summary>
/// Serves the web application that ClientApp builds into wwwroot (docs/web.md): its files compressed and cached by
/// kind, <c>index.html</c> for every path the app routes itself, and the interactive API reference at <c>/api/docs</c>.
/// Scripts and styles are compressed once, by the build (<c>.br</c> and <c>.gz</c> beside each), not on every request;
/// API answers are never compressed: one holding a token or personal data next to text the caller chose would give a
/// BREACH-style attack over HTTPS something to measure.
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

    /// <summary>Before authentication: the app's files are public (the API they call is not).</summary>
    public static void UseWebAppFiles(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            ChoosePrecompressed(context);
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new PrecompressedContentTypes(),
            OnPrepareResponse = context => SetHeaders(context.Context),
        });
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

    /// <summary>Points a request for an asset at its compressed copy when the browser takes that encoding.</summary>
    private static void ChoosePrecompressed(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/assets") || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            return;
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        var files = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        foreach (var (encoding, extension) in Encodings)
        {
            if (!accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && a.Quality is null or > 0)) continue;
            if (!files.GetFileInfo(request.Path + extension).Exists) continue;
            request.Path += extension;
            context.Response.Headers.ContentEncoding = encoding;
            return;
        }
    }

    private static readonly (string Encoding, string Extension)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

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
            headers.Vary = "Accept-Encoding";
            return;
        }
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    private static bool IsServerPath(PathString path) => ServerPaths.Any(p => path.StartsWithSegments(p));

    /// <summary>A compressed copy (<c>app.js.br</c>) has the type of the file it compresses (<c>app.js</c>).</summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, extension) in Encodings)
                if (subpath.EndsWith(extension, StringComparison.Ordinal)) subpath = subpath[..^extension.Length];
            return _types.TryGetContentType(subpath, out contentType!);
        }
    }
}
