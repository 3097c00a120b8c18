namespace Network.Web.Api;

/// <summary>The family's own voice (#12): the youth's say, the home, notifications.</summary>
public sealed partial class NetworkApi
{
    public Task<ApiResult<YouthSayView>> GetYouthSayAsync(Guid familyId, CancellationToken ct = default) =>
        GetAsync<YouthSayView>($"api/families/{familyId}/youth-say", ct);

    public Task<ApiResult<FamilyChanged>> ChooseYouthSayAsync(
        Guid familyId, long version, InformationCategory category, bool parentsSee, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Put, $"api/families/{familyId}/youth-say/{category}", new YouthSayRequest(parentsSee), version, ct);
}

public sealed partial class NetworkApi
{
    public Task<ApiResult<HomeNewView>> GetHomeNewAsync(CancellationToken ct = default) => GetAsync<HomeNewView>("api/my/home/new", ct);

    public Task<ApiResult<HomeAskedView>> GetHomeAskedAsync(CancellationToken ct = default) => GetAsync<HomeAskedView>("api/my/home/asked", ct);
}

public sealed partial class NetworkApi
{
    public Task<ApiResult<DigestView>> GetDigestAsync(CancellationToken ct = default) => GetAsync<DigestView>("api/my/digest", ct);

    public Task<ApiResult<DigestView>> SetDigestAsync(bool daily, CancellationToken ct = default) =>
        SendAsync<DigestView>(HttpMethod.Put, "api/my/digest", new DigestRequest(daily), null, ct);
}
