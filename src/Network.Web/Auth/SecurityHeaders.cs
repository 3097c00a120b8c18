namespace Network.Web.Auth;

/// <summary>
/// Security headers on every response of the app. Scripts only from this site (Blazor's own
/// script, the circuit over a WebSocket to this site); style attributes are allowed because
/// Blazor renders them (a progress bar's width), style sheets only from this site. Forms may post
/// here and to the API (logging out continues there). Nothing may frame the app.
/// </summary>
public static class SecurityHeaders
{
    public static WebApplication UseNetworkSecurityHeaders(this WebApplication app, string apiAuthority)
    {
        var api = Uri.TryCreate(apiAuthority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "";
        var csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                  $"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' {api}; frame-ancestors 'none'";
        app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = csp;
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            await next(http);
        });
        return app;
    }
}
