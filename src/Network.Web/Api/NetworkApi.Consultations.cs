namespace Network.Web.Api;

public sealed partial class NetworkApi
{
    public Task<ApiResult<ItemPostedResponse>> ScheduleConsultationAsync(Guid boardId, ScheduleConsultationRequest consultation, CancellationToken ct = default) =>
        SendAsync<ItemPostedResponse>(HttpMethod.Post, $"api/boards/{boardId}/consultations", consultation, null, ct);

    public Task<ApiResult<ItemChangedResponse>> CancelConsultationAsync(Guid itemId, long itemVersion, string? reason, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/consultations/{itemId}/cancel", new CancelAppointmentRequest(reason), itemVersion, ct);

    public Task<ApiResult<ItemChangedResponse>> RespondToConsultationAsync(Guid itemId, bool accepts, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/consultations/{itemId}/response", new RespondToConsultationRequest(accepts), null, ct);

    public Task<ApiResult<ItemChangedResponse>> AddAgendaPointAsync(Guid itemId, AddAgendaPointRequest point, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/consultations/{itemId}/agenda", point, null, ct);

    public Task<ApiResult<AgendaFromPlanResponse>> AgendaFromPlanAsync(Guid itemId, CancellationToken ct = default) =>
        SendAsync<AgendaFromPlanResponse>(HttpMethod.Post, $"api/consultations/{itemId}/agenda/from-plan", null, null, ct);

    public Task<ApiResult<ItemChangedResponse>> HoldConsultationAsync(Guid itemId, HoldConsultationRequest held, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/consultations/{itemId}/held", held, null, ct);

    public Task<ApiResult<DecisionRecordedResponse>> RecordDecisionAsync(Guid itemId, RecordDecisionRequest decision, CancellationToken ct = default) =>
        SendAsync<DecisionRecordedResponse>(HttpMethod.Post, $"api/consultations/{itemId}/decisions", decision, null, ct);

    public Task<ApiResult<ItemPostedResponse>> PostMinutesAsync(Guid itemId, PostMinutesRequest minutes, CancellationToken ct = default) =>
        SendAsync<ItemPostedResponse>(HttpMethod.Post, $"api/consultations/{itemId}/minutes", minutes, null, ct);
}
