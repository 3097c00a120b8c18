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

    public Task<ApiResult<NotePosted>> PostNoteAsync(Guid boardId, NoteDraft note, CancellationToken ct = default) =>
        SendAsync<NotePosted>(HttpMethod.Post, $"api/boards/{boardId}/notes",
            new { text = note.Text, category = note.Category, about = note.About, audience = note.Audience }, ct);

    public Task<ApiResult<AudiencePreview>> PreviewAudienceAsync(Guid boardId, NoteDraft note, CancellationToken ct = default) =>
        SendAsync<AudiencePreview>(HttpMethod.Post, $"api/boards/{boardId}/audience-preview",
            new { category = note.Category, about = note.About, audience = note.Audience }, ct);

    public Task<ApiResult<Explanation>> ExplainItemAsync(Guid boardId, Guid itemId, CancellationToken ct = default) =>
        SendAsync<Explanation>(HttpMethod.Get, $"api/boards/{boardId}/items/{itemId}/why", null, ct);

    public Task<ApiResult<List<FamilySummary>>> ListFamiliesAsync(CancellationToken ct = default) =>
        SendAsync<List<FamilySummary>>(HttpMethod.Get, "api/families", null, ct);

    public Task<ApiResult<FamilyView>> GetFamilyAsync(Guid familyId, CancellationToken ct = default) =>
        SendAsync<FamilyView>(HttpMethod.Get, $"api/families/{familyId}", null, ct);

    public Task<ApiResult<FamilyRegistered>> RegisterFamilyAsync(string name, CancellationToken ct = default) =>
        SendAsync<FamilyRegistered>(HttpMethod.Post, "api/families", new { name }, ct);

    public Task<ApiResult<List<PersonHit>>> SearchPersonsAsync(string query, CancellationToken ct = default) =>
        SendAsync<List<PersonHit>>(HttpMethod.Get, $"api/persons?q={Uri.EscapeDataString(query)}", null, ct);

    public Task<ApiResult<PersonRegistered>> RegisterPersonAsync(PersonInput details, bool acknowledgeDuplicates, CancellationToken ct = default) =>
        SendAsync<PersonRegistered>(HttpMethod.Post, "api/persons", new { details, acknowledgeDuplicates }, ct);

    public Task<ApiResult<FamilyChanged>> AddMemberAsync(Guid familyId, Guid personId, string relation, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Post, $"api/families/{familyId}/members", new { personId, relation }, ct);

    public Task<ApiResult<FamilyChanged>> RecordAuthorityAsync(Guid familyId, Guid parentId, Guid childId, DateOnly date, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Post, $"api/families/{familyId}/authority", new { parentId, childId, date }, ct);

    public Task<ApiResult<FamilyChanged>> InviteProfessionalAsync(Guid familyId, Guid userId, string basis, IReadOnlyList<Guid> children, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Post, $"api/families/{familyId}/professionals", new { userId, basis, children }, ct);

    public Task<ApiResult<FamilyChanged>> RecordMeasureAsync(Guid familyId, Guid childId, string type, Guid organisationId, DateOnly start, DateOnly? end, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Post, $"api/families/{familyId}/measures", new { childId, type, organisationId, start, end }, ct);

    public Task<ApiResult<FamilyChanged>> SetConsentAsync(Guid familyId, Guid professionalId, Guid childId, bool give, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(give ? HttpMethod.Put : HttpMethod.Delete, $"api/families/{familyId}/consents/{professionalId}/{childId}", null, ct);

    public Task<ApiResult<List<Professional>>> ListProfessionalsAsync(string? query, CancellationToken ct = default) =>
        SendAsync<List<Professional>>(HttpMethod.Get, $"api/professionals?q={Uri.EscapeDataString(query ?? "")}", null, ct);

    public Task<ApiResult<List<OrganisationSummary>>> ListOrganisationsAsync(CancellationToken ct = default) =>
        SendAsync<List<OrganisationSummary>>(HttpMethod.Get, "api/organisations", null, ct);

    public Task<ApiResult<List<AccessLogLine>>> GetAccessLogAsync(Guid familyId, CancellationToken ct = default) =>
        SendAsync<List<AccessLogLine>>(HttpMethod.Get, $"api/families/{familyId}/access-log", null, ct);

    public Task<ApiResult<TableView>> GetTableAsync(CancellationToken ct = default) =>
        SendAsync<TableView>(HttpMethod.Get, "api/authorization/table", null, ct);

    public Task<ApiResult<TableView>> ChangeTableCellAsync(string category, string column, string access, IReadOnlyList<string> conditions, string reason, CancellationToken ct = default) =>
        SendAsync<TableView>(HttpMethod.Put, $"api/authorization/table/{category}/{column}", new { access, conditions, reason }, ct);

    public Task<ApiResult<List<Notification>>> ListNotificationsAsync(CancellationToken ct = default) =>
        SendAsync<List<Notification>>(HttpMethod.Get, "api/notifications", null, ct);

    public Task<ApiResult<List<EmergencyAccessGranted>>> BreakTheGlassAsync(Guid personId, string reason, int minutes, CancellationToken ct = default) =>
        SendAsync<List<EmergencyAccessGranted>>(HttpMethod.Post, $"api/persons/{personId}/emergency-access", new { reason, minutes }, ct);

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
