using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Realtime;
using Network.Contracts.Texts;

namespace Network.Api.Infrastructure.Http;

/// <summary>
/// What the front door allows (Network:FrontDoor). Limits are per client address and per window;
/// behind a proxy the address is the forwarded one (ASPNETCORE_FORWARDEDHEADERS_ENABLED).
/// </summary>
public sealed class FrontDoorOptions
{
    /// <summary>Posts to the credential forms (login, second factor, activation, password reset) per client per window.</summary>
    public int LoginPermitLimit { get; set; } = 10;

    /// <summary>Every other request without an access token (login pages, /connect, health excluded) per client per window.</summary>
    public int AnonymousPermitLimit { get; set; } = 120;

    /// <summary>
    /// Token requests (code exchange, refresh) per client per window: confidential clients authenticate
    /// with their secret, and the Web app asks for every user from its one address.
    /// </summary>
    public int TokenPermitLimit { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>The OpenAPI document and the Scalar reference in Production (always on elsewhere).</summary>
    public bool ApiReference { get; set; }
}

/// <summary>
/// The hardened front door: rate limits on credentials and every anonymous endpoint (429 with an
/// RFC 9457 problem), security headers on every response, and the access token taken from the
/// query string only on the hub's path (browsers cannot set headers on WebSockets).
/// </summary>
public static class FrontDoor
{
    public const string Section = "Network:FrontDoor";

    public static IServiceCollection AddFrontDoor(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FrontDoorOptions>(configuration.GetSection(Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<FrontDoorOptions>>((o, door) =>
        {
            var limits = door.Value;
            var window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (IsCredentialPost(http.Request))
                    return RateLimitPartition.GetFixedWindowLimiter($"login:{client}", _ => Window(limits.LoginPermitLimit, window));
                if (http.Request.Path.StartsWithSegments("/connect/token"))
                    return RateLimitPartition.GetFixedWindowLimiter($"token:{client}", _ => Window(limits.TokenPermitLimit, window));
                if (IsAnonymous(http.Request))
                    return RateLimitPartition.GetFixedWindowLimiter($"anonymous:{client}", _ => Window(limits.AnonymousPermitLimit, window));
                return RateLimitPartition.GetNoLimiter("authenticated");
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FrontDoor))
                    .LogWarning("Rate limited {Method} {Path} from {Client}", http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress);
                await WriteProblemAsync(http, StatusCodes.Status429TooManyRequests, "request.too-many");
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>A form that checks a secret: password, second factor, activation or reset link, invitation code.</summary>
    public static bool IsCredentialPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/account")
        && !request.Path.StartsWithSegments("/account/logout");

    private static bool IsAnonymous(HttpRequest request) =>
        request.Headers.Authorization.Count == 0 && !request.Path.StartsWithSegments("/health");

    /// <summary>Headers, the query-token rule and the rate limiter, before authentication.</summary>
    public static WebApplication UseFrontDoor(this WebApplication app)
    {
        var redirects = app.Services.GetRequiredService<IOptions<OidcClientOptions>>().Value;
        var formTargets = string.Join(' ', redirects.RedirectUris.Concat(redirects.PostLogoutRedirectUris)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>().Distinct());
        // The API serves JSON and a few plain HTML forms (login, activation, password, two-factor) with
        // their own stylesheet: nothing runs script, nothing may frame it.
        var strict = $"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' {formTargets}; " +
                     "frame-ancestors 'none'; base-uri 'none'";
        // The API reference page (off in Production unless configured) runs Scalar's own script.
        const string reference = "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; " +
            "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com https://cdn.jsdelivr.net; font-src 'self' data: https:; " +
            "img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

        app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? reference : strict;
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";

            if (http.Request.Query.ContainsKey("access_token"))
            {
                if (!http.Request.Path.StartsWithSegments(BoardHub.Path))
                {
                    await WriteProblemAsync(http, StatusCodes.Status400BadRequest, "request.token-in-query");
                    return;
                }
                // WebSockets and server-sent events cannot carry a header: on the hub only, the query names the token.
                if (http.Request.Headers.Authorization.Count == 0)
                    http.Request.Headers.Authorization = $"Bearer {http.Request.Query["access_token"]}";
            }
            await next(http);
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Writes a problem the way <see cref="ProblemMapping"/> does, outside an exception.</summary>
    public static async Task WriteProblemAsync(HttpContext http, int status, string code)
    {
        var english = http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault()?.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = Catalog.Text(code, null, english),
                Type = $"https://network.example/problems/{code}",
                Extensions = { ["code"] = code },
            },
        });
    }
}
