namespace Network.Web.Api;

public sealed partial class NetworkApi
{
    /// <summary>Finds people the user has standing on (nobody else).</summary>
    public Task<ApiResult<List<PersonHit>>> SearchPersonsAsync(string query, CancellationToken ct = default) =>
        GetAsync<List<PersonHit>>($"api/persons?q={Escape(query)}", ct);

    /// <summary>Registers a person; a likely duplicate answers 409 with <see cref="ApiProblem.Duplicates"/>.</summary>
    public Task<ApiResult<PersonRegisteredResponse>> RegisterPersonAsync(PersonDetailsDto details, bool acknowledgeDuplicates, CancellationToken ct = default) =>
        SendAsync<PersonRegisteredResponse>(HttpMethod.Post, "api/persons", new RegisterPersonRequest(details, acknowledgeDuplicates), null, ct);

    /// <summary>Emergency access to one child, identified by BSN or by name and date of birth.</summary>
    public Task<ApiResult<List<EmergencyAccessResponse>>> BreakTheGlassAsync(BreakTheGlassRequest request, CancellationToken ct = default) =>
        SendAsync<List<EmergencyAccessResponse>>(HttpMethod.Post, "api/emergency-access", request, null, ct);
}
