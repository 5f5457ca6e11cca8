namespace AfterSales.Host.Http;

/// <summary>
/// Headers every response carries: no framing (clickjacking), no content sniffing, no referrer to other sites. The
/// referrer policy is <c>same-origin</c>, not <c>no-referrer</c>: under <c>no-referrer</c> a browser sends <c>Origin: null</c>
/// on a same-origin form post, which the cross-site check (CrossSiteRequests) must then refuse where no Sec-Fetch-Site
/// header comes (plain HTTP on a non-local address). A response that sets a policy of its own keeps it: the survey page
/// (its token is in its URL) sends no referrer at all and a strict Content-Security-Policy; the rest get one that only
/// forbids framing, so the jobs dashboard's inline scripts still run.
/// </summary>
internal static class SecurityHeaders
{
    public const string FrameAncestorsNone = "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = "same-origin";
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = FrameAncestorsNone;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
