using System.Collections.Concurrent;

namespace Network.Web.Auth;

/// <summary>The tokens of one login session.</summary>
public sealed record SessionTokens(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>
/// Server-side token holder for interactive circuits, which have no HttpContext. Keyed by the
/// session claim issued at login; filled again from the login cookie on the next page load
/// after a restart. With several Web instances, each fills its own from the cookie.
/// </summary>
public sealed class TokenStore
{
    public const string SessionClaim = "network_session";

    private readonly ConcurrentDictionary<string, SessionTokens> sessions = new();

    public void Set(string session, SessionTokens tokens) => sessions[session] = tokens;

    public SessionTokens? Get(string session) => sessions.TryGetValue(session, out var t) ? t : null;

    public void Remove(string session) => sessions.TryRemove(session, out _);
}
