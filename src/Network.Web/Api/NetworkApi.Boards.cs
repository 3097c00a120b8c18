namespace Network.Web.Api;

public sealed partial class NetworkApi
{
    public Task<ApiResult<List<BoardSummary>>> ListBoardsAsync(CancellationToken ct = default) =>
        GetAsync<List<BoardSummary>>("api/boards", ct);

    /// <summary>The timeline, or with <paramref name="since"/> only the items that changed after that position.</summary>
    public Task<ApiResult<TimelineView>> GetTimelineAsync(Guid boardId, long? since = null, CancellationToken ct = default) =>
        GetAsync<TimelineView>($"api/boards/{boardId}/timeline{(since is { } s ? $"?since={s}" : "")}", ct);

    /// <summary>Posts a new item; a create carries no If-Match.</summary>
    public Task<ApiResult<ItemPostedResponse>> PostItemAsync(Guid boardId, PostItemRequest item, CancellationToken ct = default) =>
        SendAsync<ItemPostedResponse>(HttpMethod.Post, $"api/boards/{boardId}/notes", item, null, ct);

    public Task<ApiResult<AudiencePreview>> PreviewAudienceAsync(Guid boardId, PostItemRequest item, CancellationToken ct = default) =>
        SendAsync<AudiencePreview>(HttpMethod.Post, $"api/boards/{boardId}/audience-preview", item, null, ct);

    public Task<ApiResult<Explanation>> ExplainItemAsync(Guid boardId, Guid itemId, CancellationToken ct = default) =>
        GetAsync<Explanation>($"api/boards/{boardId}/items/{itemId}/why", ct);

    /// <summary>Opens a themed board of a family.</summary>
    public Task<ApiResult<BoardOpenedResponse>> OpenBoardAsync(Guid familyId, string title, CancellationToken ct = default) =>
        SendAsync<BoardOpenedResponse>(HttpMethod.Post, $"api/families/{familyId}/boards", new OpenBoardRequest(title), null, ct);

    /// <summary>An older page of the timeline: the items before <paramref name="before"/> (the smallest position shown).</summary>
    public Task<ApiResult<TimelineView>> GetTimelinePageAsync(Guid boardId, long before, int limit = 50, CancellationToken ct = default) =>
        GetAsync<TimelineView>($"api/boards/{boardId}/timeline?limit={limit}&before={before}", ct);

    /// <summary>Closes a themed board: its items stay readable, nothing new is posted on it.</summary>
    public Task<ApiResult<bool>> CloseBoardAsync(Guid boardId, string? reason, CancellationToken ct = default) =>
        SendAsync<bool>(HttpMethod.Post, $"api/boards/{boardId}/close", new CloseBoardRequest(reason), null, ct);
}
