using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Network.Web.Auth;

namespace Network.Web.Api;

/// <summary>Calls the Network API as the user of the current circuit.</summary>
public sealed class NetworkApi(IHttpClientFactory factory, AccessTokens tokens)
{
    public const string HttpClientName = "network-api";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<List<BoardSummary>>> ListBoardsAsync(CancellationToken ct = default) =>
        SendAsync<List<BoardSummary>>(HttpMethod.Get, "api/boards", null, ct);

    public Task<ApiResult<TimelineView>> GetTimelineAsync(Guid boardId, long? since = null, CancellationToken ct = default) =>
        SendAsync<TimelineView>(HttpMethod.Get, $"api/boards/{boardId}/timeline{(since is { } s ? $"?since={s}" : "")}", null, ct);

    public Task<ApiResult<NotePosted>> PostNoteAsync(Guid boardId, string text, CancellationToken ct = default) =>
        SendAsync<NotePosted>(HttpMethod.Post, $"api/boards/{boardId}/notes", new { text }, ct);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct));
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);

        using var response = await factory.CreateClient(HttpClientName).SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
            return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, ct), null);
        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new SessionExpiredException();

        Problem? problem = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            problem = await response.Content.ReadFromJsonAsync<Problem>(Json, ct);
        return new ApiResult<T>(default, problem ?? new Problem((int)response.StatusCode, response.ReasonPhrase, null, null));
    }
}
