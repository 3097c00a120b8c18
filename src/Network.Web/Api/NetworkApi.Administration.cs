namespace Network.Web.Api;

public sealed partial class NetworkApi
{
    public Task<ApiResult<List<DirectoryEntry>>> ListProfessionalsAsync(string? query, CancellationToken ct = default) =>
        GetAsync<List<DirectoryEntry>>($"api/professionals?q={Escape(query)}", ct);

    public Task<ApiResult<List<OrganisationView>>> ListOrganisationsAsync(CancellationToken ct = default) =>
        GetAsync<List<OrganisationView>>("api/organisations", ct);

    public Task<ApiResult<TableView>> GetTableAsync(CancellationToken ct = default) =>
        GetAsync<TableView>("api/authorization/table", ct);

    /// <summary>Changes one cell of the table as it was at <paramref name="version"/> (If-Match).</summary>
    public Task<ApiResult<TableView>> ChangeTableCellAsync(
        InformationCategory category, TableColumn column, ChangeCellRequest change, long version, CancellationToken ct = default) =>
        SendAsync<TableView>(HttpMethod.Put, $"api/authorization/table/{category}/{column}", change, version, ct);

    public Task<ApiResult<List<NotificationView>>> ListNotificationsAsync(CancellationToken ct = default) =>
        GetAsync<List<NotificationView>>("api/notifications", ct);
}
