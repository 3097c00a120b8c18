using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;
using Network.Web.Api;
using Network.Web.Auth;

namespace Network.Web.Files;

/// <summary>
/// The browser holds no API token (this app keeps it server-side), so a download is a plain
/// request to this app, which streams the API's answer through with the user's token: status
/// (404 stays 404), the headers that matter (type, length, disposition, nosniff) and the body,
/// chunk by chunk, never buffered whole.
/// </summary>
public static class FileDownloads
{
    /// <summary>The headers passed on from the API's answer; everything else is this app's own.</summary>
    private static readonly string[] PassedOn =
        ["Content-Type", "Content-Length", "Content-Disposition", "X-Content-Type-Options", "Content-Security-Policy", "Cache-Control", "ETag", "Last-Modified"];

    public static IEndpointRouteBuilder MapFileDownloads(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("").RequireAuthorization();
        files.MapGet("/bestanden/{itemId:guid}", (Guid itemId, int? version, HttpContext http) =>
            ProxyAsync(http, $"api/items/{itemId}/document{Version(version)}"));
        files.MapGet("/bestanden/{itemId:guid}/voorbeeld", (Guid itemId, int? version, HttpContext http) =>
            ProxyAsync(http, $"api/items/{itemId}/document/preview{Version(version)}"));
        files.MapGet("/afspraken/{itemId:guid}.ics", (Guid itemId, HttpContext http) =>
            ProxyAsync(http, $"api/items/{itemId}/appointment.ics"));
        return app;
    }

    /// <summary>The link to a document's file (<paramref name="version"/>: an earlier one).</summary>
    public static string DocumentUrl(Guid itemId, int? version = null) => $"/bestanden/{itemId}{Version(version)}";

    public static string PreviewUrl(Guid itemId, int? version = null) => $"/bestanden/{itemId}/voorbeeld{Version(version)}";

    public static string CalendarUrl(Guid itemId) => $"/afspraken/{itemId}.ics";

    private static string Version(int? version) => version is { } v ? $"?version={v}" : "";

    /// <summary>Streams the API's answer for <paramref name="path"/> to the response, as the request's user.</summary>
    public static async Task ProxyAsync(HttpContext http, string path)
    {
        var ct = http.RequestAborted;
        string token;
        try
        {
            token = await http.RequestServices.GetRequiredService<AccessTokens>().GetAsync(http.User, ct);
        }
        catch (SessionExpiredException)
        {
            http.Response.Redirect($"/login?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(Texts.Language));
        var client = http.RequestServices.GetRequiredService<IHttpClientFactory>().CreateClient(NetworkApi.HttpClientName);
        HttpResponseMessage response;
        try
        {
            // Headers first: the body is read as it is written on, never as a whole.
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException)
        {
            http.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                http.Response.Redirect($"/login?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
                return;
            }
            http.Response.StatusCode = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) return; // this app's own error page (404 stays 404), never the API's body
            foreach (var name in PassedOn)
            {
                if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
                    http.Response.Headers[name] = values.ToArray();
            }
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await body.CopyToAsync(http.Response.Body, 81920, ct);
        }
    }
}
