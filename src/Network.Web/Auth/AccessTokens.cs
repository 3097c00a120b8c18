using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Network.Web.Auth;

/// <summary>The OpenID Connect settings of this app (client of the API's authorization server).</summary>
public sealed class OidcSettings
{
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "network-web";
    public string ClientSecret { get; set; } = "";
}

/// <summary>
/// Gives the access token of the user of the current circuit, refreshing it shortly before it
/// expires. Throws <see cref="SessionExpiredException"/> when the user has to log in again.
/// </summary>
public sealed class AccessTokens(
    AuthenticationStateProvider auth, TokenStore store, IHttpClientFactory http, IOptions<OidcSettings> oidc, TimeProvider clock)
{
    private static readonly SemaphoreSlim RefreshLock = new(1, 1);

    public async Task<string> GetAsync(CancellationToken ct = default) =>
        await GetAsync((await auth.GetAuthenticationStateAsync()).User, ct);

    /// <summary>The token of a given user: for plain HTTP requests (file downloads), which have no circuit.</summary>
    public async Task<string> GetAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct = default)
    {
        var session = user.FindFirst(TokenStore.SessionClaim)?.Value ?? throw new SessionExpiredException();
        var tokens = store.Get(session) ?? throw new SessionExpiredException();
        if (tokens.ExpiresAt - clock.GetUtcNow() > TimeSpan.FromMinutes(1)) return tokens.AccessToken;
        if (tokens.RefreshToken is null) throw new SessionExpiredException();

        await RefreshLock.WaitAsync(ct);
        try
        {
            tokens = store.Get(session) ?? throw new SessionExpiredException();
            if (tokens.ExpiresAt - clock.GetUtcNow() > TimeSpan.FromMinutes(1)) return tokens.AccessToken;
            var refreshed = await RefreshAsync(tokens.RefreshToken!, ct) ?? throw new SessionExpiredException();
            store.Set(session, refreshed);
            return refreshed.AccessToken;
        }
        finally
        {
            RefreshLock.Release();
        }
    }

    private async Task<SessionTokens?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var settings = oidc.Value;
        using var client = http.CreateClient();
        using var response = await client.PostAsync(new Uri(new Uri(settings.Authority), "connect/token"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = settings.ClientId,
                ["client_secret"] = settings.ClientSecret,
            }), ct);
        if (!response.IsSuccessStatusCode) return null;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = json.RootElement;
        return new SessionTokens(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var r) ? r.GetString() : refreshToken,
            clock.GetUtcNow().AddSeconds(root.GetProperty("expires_in").GetInt32()));
    }
}

/// <summary>The login session ended; the user has to log in again.</summary>
public sealed class SessionExpiredException() : Exception("De sessie is verlopen. Log opnieuw in.");
