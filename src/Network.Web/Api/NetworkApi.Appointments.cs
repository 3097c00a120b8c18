namespace Network.Web.Api;

public sealed partial class NetworkApi
{
    public Task<ApiResult<ItemPostedResponse>> PostAppointmentAsync(Guid boardId, PostAppointmentRequest appointment, CancellationToken ct = default) =>
        SendAsync<ItemPostedResponse>(HttpMethod.Post, $"api/boards/{boardId}/appointments", appointment, null, ct);

    /// <summary>Changes an appointment (same UID, higher sequence); <paramref name="itemVersion"/> goes as If-Match.</summary>
    public Task<ApiResult<ItemChangedResponse>> ChangeAppointmentAsync(Guid itemId, long itemVersion, ChangeAppointmentRequest change, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Put, $"api/items/{itemId}/appointment", change, itemVersion, ct);

    public Task<ApiResult<ItemChangedResponse>> CancelAppointmentAsync(Guid itemId, long itemVersion, string? reason, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/items/{itemId}/appointment/cancel", new CancelAppointmentRequest(reason), itemVersion, ct);

    /// <summary>The appointments coming up for the user, for the home page.</summary>
    public Task<ApiResult<List<UpcomingAppointment>>> UpcomingAppointmentsAsync(CancellationToken ct = default) =>
        GetAsync<List<UpcomingAppointment>>("api/appointments/upcoming", ct);

    /// <summary>Replies under an item; its readers see it, live.</summary>
    public Task<ApiResult<ItemChangedResponse>> PostReplyAsync(Guid itemId, string text, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/items/{itemId}/replies", new PostReplyRequest(text), null, ct);
}
