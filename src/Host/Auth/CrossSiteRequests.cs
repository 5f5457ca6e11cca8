namespace AfterSales.Host.Auth;

/// <summary>
/// Refuses writes that a browser may have sent on another site's behalf. SameSite=Strict keeps the login cookie from other
/// sites, but not from another port or a sibling subdomain of this one, so a cookie-authenticated request (the cookie and no
/// Authorization header) that is not GET/HEAD/OPTIONS must show it comes from this origin: <c>Sec-Fetch-Site: same-origin</c>
/// when the browser sends it, else an <c>Origin</c> equal to the request's own, else, from a client that sends neither,
/// <c>X-Requested-With: AfterSales</c> (which no other site can add without a CORS preflight this Host never allows).
/// Bearer-token clients are not concerned: a browser never adds that header by itself.
/// </summary>
internal static class CrossSiteRequests
{
    public const string RequestedWithHeader = "X-Requested-With";
    public const string RequestedWithValue = "AfterSales";

    /// <summary>
    /// Endpoint metadata: the endpoint does not act on the cookie's user, so the check does not apply. Only sign-in carries it:
    /// a browser that still holds an old cookie must be able to sign in, and its JSON body cannot come from another site
    /// without a CORS preflight.
    /// </summary>
    public sealed class NotCookieAuthenticated;

    public static void UseCrossSiteRequestRefusal(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<NotCookieAuthenticated>() is null && Refusal(context.Request) is { } reason)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Cross-site request refused", Detail = reason },
            });
            return;
        }
        await next(context);
    });

    private static string? Refusal(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return null;
        if (request.Headers.Authorization.Count > 0 || !request.Cookies.ContainsKey(AuthEndpoints.CookieName)) return null;

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site == "same-origin" ? null : $"The request came from another site (Sec-Fetch-Site: {site}).";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return IsSameOrigin(origin, request) ? null : $"The request came from another origin ({origin}).";
        return request.Headers[RequestedWithHeader] == RequestedWithValue
            ? null
            : $"A request signed in by the login cookie must send '{RequestedWithHeader}: {RequestedWithValue}', or use 'Authorization: Bearer <token>'.";
    }

    // Host and port compared with the request's Host header; the scheme is not, since a proxy may end TLS before the Host.
    private static bool IsSameOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return false;
        var port = request.Host.Port ?? uri.Scheme switch { "https" => 443, _ => request.IsHttps ? 443 : 80 };
        return string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == port;
    }
}
