namespace Network.Web.Api;

/// <summary>
/// The family plan. Changes to an existing plan item send the item's version as If-Match, so a
/// change made on an old copy answers 412 instead of overwriting someone else's; adding an item,
/// publishing a version and agreeing create something new and send none.
/// </summary>
public sealed partial class NetworkApi
{
    public Task<ApiResult<PlanView>> GetPlanAsync(Guid familyId, CancellationToken ct = default) =>
        GetAsync<PlanView>($"api/families/{familyId}/plan", ct);

    /// <summary>A worry, strength, goal or action; a family member's becomes a proposal.</summary>
    public Task<ApiResult<ItemPostedResponse>> AddPlanItemAsync(Guid familyId, AddPlanItemRequest item, CancellationToken ct = default) =>
        SendAsync<ItemPostedResponse>(HttpMethod.Post, $"api/families/{familyId}/plan/items", item, null, ct);

    public Task<ApiResult<ItemChangedResponse>> RevisePlanItemAsync(
        Guid itemId, long itemVersion, RevisePlanItemRequest change, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Put, $"api/plan/items/{itemId}", change, itemVersion, ct);

    public Task<ApiResult<ItemChangedResponse>> ScaleGoalAsync(Guid itemId, long itemVersion, ScaleRequest scale, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/plan/items/{itemId}/scale", scale, itemVersion, ct);

    public Task<ApiResult<ItemChangedResponse>> SetActionStatusAsync(
        Guid itemId, long itemVersion, ActionStatusRequest status, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/plan/items/{itemId}/status", status, itemVersion, ct);

    /// <summary>A professional takes a proposal into the plan (<paramref name="accept"/>) or declines it with a reason.</summary>
    public Task<ApiResult<ItemChangedResponse>> DecideProposalAsync(
        Guid itemId, long itemVersion, bool accept, string? reason, CancellationToken ct = default) =>
        SendAsync<ItemChangedResponse>(HttpMethod.Post, $"api/plan/items/{itemId}/{(accept ? "accept" : "decline")}",
            new ProposalDecisionRequest(reason), itemVersion, ct);

    /// <summary>The coordinator publishes what the plan holds now as its next version.</summary>
    public Task<ApiResult<PlanVersionPublished>> PublishPlanVersionAsync(Guid familyId, CancellationToken ct = default) =>
        SendAsync<PlanVersionPublished>(HttpMethod.Post, $"api/families/{familyId}/plan/versions", null, null, ct);

    public Task<ApiResult<ItemPostedResponse>> AgreeAsync(Guid versionItemId, AgreeRequest agreement, CancellationToken ct = default) =>
        SendAsync<ItemPostedResponse>(HttpMethod.Post, $"api/plan/versions/{versionItemId}/agreement", agreement, null, ct);

    /// <summary>The actions assigned to the user in every family, overdue ones first.</summary>
    public Task<ApiResult<List<MyActionView>>> ListMyActionsAsync(CancellationToken ct = default) =>
        GetAsync<List<MyActionView>>("api/my/actions", ct);
}
