namespace AfterSales.Host.Http;

/// <summary>
/// Headers every response carries: no framing (clickjacking), no content sniffing, no referrer (a survey link's token
/// is in its URL). A response that sets a Content-Security-Policy of its own (the survey page) keeps it; the rest get
/// one that only forbids framing, so the jobs dashboard's inline scripts still run.
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
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = FrameAncestorsNone;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
