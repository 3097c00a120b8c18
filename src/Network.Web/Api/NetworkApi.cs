using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Network.Web.Auth;

namespace Network.Web.Api;

/// <summary>
/// Calls the Network API as the user of the current circuit, with the shared contracts. Writes to
/// something that exists send its version as If-Match; creates never do (the API refuses it).
/// </summary>
public sealed partial class NetworkApi(IHttpClientFactory factory, AccessTokens tokens)
{
    public const string HttpClientName = "network-api";

    private Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, null, ct);

    private Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, long? ifMatch, CancellationToken ct) =>
        SendContentAsync<T>(method, path, body is null ? null : JsonContent.Create(body, body.GetType(), options: ApiJson.Options), ifMatch, ct);

    /// <summary>Sends any content (JSON, or a multipart upload that streams its file); the request disposes it.</summary>
    private async Task<ApiResult<T>> SendContentAsync<T>(HttpMethod method, string path, HttpContent? content, long? ifMatch, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(Texts.Language));
        if (ifMatch is { } version) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        request.Content = content;

        try
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct));
            using var response = await factory.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized) throw new SessionExpiredException();
            if (!response.IsSuccessStatusCode) return new ApiResult<T>(default, await ApiProblem.ReadAsync(response, ct));
            // 204 No Content: nothing to read (a call that answers nothing asks for a bool: true).
            var value = response.StatusCode == HttpStatusCode.NoContent
                ? (typeof(T) == typeof(bool) ? (T)(object)true : default)
                : await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct);
            return new ApiResult<T>(value, null, VersionOf(response));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return new ApiResult<T>(default, ApiProblem.Unreachable());
        }
    }

    /// <summary>The version an ETag carries ("5").</summary>
    private static long? VersionOf(HttpResponseMessage response) =>
        response.Headers.ETag is { } tag && long.TryParse(tag.Tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? "");

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
