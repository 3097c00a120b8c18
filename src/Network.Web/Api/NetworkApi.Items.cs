namespace Network.Web.Api;

public sealed partial class NetworkApi
{
    /// <summary>One item; the result's version is the item's own (its ETag).</summary>
    public Task<ApiResult<ItemView>> GetItemAsync(Guid itemId, CancellationToken ct = default) =>
        GetAsync<ItemView>($"api/items/{itemId}", ct);

    public Task<ApiResult<ItemHistory>> GetItemHistoryAsync(Guid itemId, CancellationToken ct = default) =>
        GetAsync<ItemHistory>($"api/items/{itemId}/history", ct);

    /// <summary>Corrects one's own item; <paramref name="itemVersion"/> goes as If-Match (412 when someone changed it since).</summary>
    public Task<ApiResult<ItemChangedResponse>> CorrectItemAsync(Guid itemId, long itemVersion, string text, string? reason, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Put, $"api/items/{itemId}", new CorrectItemRequest(text, reason), itemVersion, ct);

    public Task<ApiResult<ItemChangedResponse>> MarkEnteredInErrorAsync(Guid itemId, long itemVersion, string reason, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/items/{itemId}/entered-in-error", new EnteredInErrorRequest(reason), itemVersion, ct);

    /// <summary>Shows one's own item on another board of the family too (linked, not copied).</summary>
    public Task<ApiResult<ItemChangedResponse>> ShowOnBoardAsync(Guid itemId, long itemVersion, Guid boardId, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/items/{itemId}/boards", new ShowOnBoardRequest(boardId), itemVersion, ct);
}
