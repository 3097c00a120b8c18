namespace Network.Web.Api;

/// <summary>Family writes send the family's version (from its ETag) as If-Match: a stale one answers 412.</summary>
public sealed partial class NetworkApi
{
    public Task<ApiResult<List<FamilySummary>>> ListFamiliesAsync(CancellationToken ct = default) =>
        GetAsync<List<FamilySummary>>("api/families", ct);

    public Task<ApiResult<FamilyView>> GetFamilyAsync(Guid familyId, CancellationToken ct = default) =>
        GetAsync<FamilyView>($"api/families/{familyId}", ct);

    public Task<ApiResult<FamilyRegisteredResponse>> RegisterFamilyAsync(string name, CancellationToken ct = default) =>
        SendAsync<FamilyRegisteredResponse>(HttpMethod.Post, "api/families", new RegisterFamilyRequest(name), null, ct);

    public Task<ApiResult<FamilyChanged>> AddMemberAsync(Guid familyId, long version, Guid personId, Relation relation, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Post, $"api/families/{familyId}/members", new AddFamilyMemberRequest(personId, relation), version, ct);

    public Task<ApiResult<FamilyChanged>> RecordAuthorityAsync(
        Guid familyId, long version, Guid parentId, Guid childId, DateOnly date, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Post, $"api/families/{familyId}/authority", new AuthorityRequest(parentId, childId, date), version, ct);

    public Task<ApiResult<FamilyChanged>> InviteProfessionalAsync(
        Guid familyId, long version, Guid userId, MembershipBasis basis, IReadOnlyList<Guid> children, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Post, $"api/families/{familyId}/professionals",
            new InviteProfessionalRequest(userId, basis, children), version, ct);

    public Task<ApiResult<FamilyChanged>> RecordMeasureAsync(Guid familyId, long version, RecordMeasureRequest measure, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Post, $"api/families/{familyId}/measures", measure, version, ct);

    public Task<ApiResult<FamilyChanged>> SetConsentAsync(
        Guid familyId, long version, Guid professionalId, Guid childId, bool give, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(give ? HttpMethod.Put : HttpMethod.Delete, $"api/families/{familyId}/consents/{professionalId}/{childId}",
            null, version, ct);

    /// <summary>"Wie keek mee?": visits in a period, newest first; <paramref name="before"/> asks for the next page.</summary>
    public Task<ApiResult<AccessLogPage>> GetAccessLogAsync(
        Guid familyId, DateOnly? from, DateOnly? to, DateTimeOffset? before, int limit = 20, CancellationToken ct = default)
    {
        var query = new List<string> { $"limit={limit}" };
        if (from is { } f) query.Add($"from={Day(f)}");
        if (to is { } t) query.Add($"to={Day(t)}");
        if (before is { } b) query.Add($"before={Escape(b.ToUniversalTime().ToString("O"))}");
        return GetAsync<AccessLogPage>($"api/families/{familyId}/access-log?{string.Join("&", query)}", ct);
    }
}
