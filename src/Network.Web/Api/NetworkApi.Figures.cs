namespace Network.Web.Api;

public sealed partial class NetworkApi
{
    /// <summary>Aggregate figures per municipality and month (contract managers).</summary>
    public Task<ApiResult<FiguresReport>> GetFiguresAsync(CancellationToken ct = default) =>
        GetAsync<FiguresReport>("api/figures", ct);

    /// <summary>The children whose municipality of responsibility changed, as far as the table lets the user read them.</summary>
    public Task<ApiResult<MunicipalityChangesView>> GetMunicipalityChangesAsync(CancellationToken ct = default) =>
        GetAsync<MunicipalityChangesView>("api/municipality-changes", ct);
}
