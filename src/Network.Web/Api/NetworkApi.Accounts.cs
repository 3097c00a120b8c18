namespace Network.Web.Api;

public sealed partial class NetworkApi
{
    public Task<ApiResult<List<OrganisationAdminView>>> AdminListOrganisationsAsync(CancellationToken ct = default) =>
        GetAsync<List<OrganisationAdminView>>("api/admin/organisations", ct);

    public Task<ApiResult<OrganisationAdminView>> CreateOrganisationAsync(CreateOrganisationRequest request, CancellationToken ct = default) =>
        SendAsync<OrganisationAdminView>(HttpMethod.Post, "api/admin/organisations", request, null, ct);

    public Task<ApiResult<OrganisationAdminView>> RenameOrganisationAsync(Guid id, RenameOrganisationRequest request, CancellationToken ct = default) =>
        SendAsync<OrganisationAdminView>(HttpMethod.Put, $"api/admin/organisations/{id}/name", request, null, ct);

    public Task<ApiResult<OrganisationAdminView>> DeactivateOrganisationAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<OrganisationAdminView>(HttpMethod.Post, $"api/admin/organisations/{id}/deactivate", new ReasonRequest(reason), null, ct);

    public Task<ApiResult<List<AccountView>>> ListAccountsAsync(string? query, CancellationToken ct = default) =>
        GetAsync<List<AccountView>>($"api/admin/accounts?q={Escape(query)}", ct);

    public Task<ApiResult<AccountView>> CreateProfessionalAsync(CreateProfessionalRequest request, CancellationToken ct = default) =>
        SendAsync<AccountView>(HttpMethod.Post, "api/admin/accounts", request, null, ct);

    public Task<ApiResult<AccountView>> ChangeRoleAsync(Guid userId, ChangeRoleRequest request, CancellationToken ct = default) =>
        SendAsync<AccountView>(HttpMethod.Put, $"api/admin/accounts/{userId}/role", request, null, ct);

    public Task<ApiResult<AccountView>> DeactivateAccountAsync(Guid userId, string reason, CancellationToken ct = default) =>
        SendAsync<AccountView>(HttpMethod.Post, $"api/admin/accounts/{userId}/deactivate", new ReasonRequest(reason), null, ct);

    public Task<ApiResult<InvitationView>> InviteFamilyMemberAsync(Guid familyId, Guid personId, string email, CancellationToken ct = default) =>
        SendAsync<InvitationView>(HttpMethod.Post, $"api/families/{familyId}/invitations", new InviteFamilyMemberRequest(personId, email), null, ct);

    public Task<ApiResult<MyAccountView>> MyAccountAsync(CancellationToken ct = default) => GetAsync<MyAccountView>("api/me/account", ct);

    public Task<ApiResult<MyAccountView>> EndAllSessionsAsync(CancellationToken ct = default) =>
        SendAsync<MyAccountView>(HttpMethod.Post, "api/me/sessions/end", new { }, null, ct);
}

public sealed partial class NetworkApi
{
    public Task<ApiResult<ImportResultView>> ImportAsync(string csv, bool dryRun, CancellationToken ct = default) =>
        SendAsync<ImportResultView>(HttpMethod.Post, $"api/admin/import?dryRun={(dryRun ? "true" : "false")}", new ImportRequest(csv), null, ct);
}

public sealed partial class NetworkApi
{
    public Task<ApiResult<FamilyChanged>> RecordConsentOnBehalfAsync(Guid familyId, long version, RecordConsentRequest request, CancellationToken ct = default) =>
        SendAsync<FamilyChanged>(HttpMethod.Post, $"api/families/{familyId}/consents/on-behalf", request, version, ct);
}

public sealed partial class NetworkApi
{
    public Task<ApiResult<AccountView>> ResendActivationAsync(Guid userId, CancellationToken ct = default) =>
        SendAsync<AccountView>(HttpMethod.Post, $"api/admin/accounts/{userId}/activation", new { }, null, ct);

    public Task<ApiResult<AccountView>> ResetTwoFactorAsync(Guid userId, string reason, CancellationToken ct = default) =>
        SendAsync<AccountView>(HttpMethod.Post, $"api/admin/accounts/{userId}/two-factor/reset", new ReasonRequest(reason), null, ct);
}
