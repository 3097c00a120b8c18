using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Api.Infrastructure.Auth;

/// <summary>
/// The API's bearer scheme. The access token is validated by OpenIddict once and its result kept
/// until the token expires: the token is self-contained (signed by this server, no entry in the
/// database to look up), so its validation cannot change before then. Then, on every request, the
/// account behind it must still be active and unchanged (<see cref="AccountGuard"/>); an endpoint
/// may let that check ride in its first round trip (<see cref="AccountCheckInFirstBatch"/>).
/// Refusals answer as OpenIddict's own: 401 with the reason in WWW-Authenticate.
/// </summary>
public sealed class ApiBearer(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiBearer.ValidatedTokens validated, AccountGuard guard) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "network-bearer";
    private const string OpenIddict = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    private bool accountRefused;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var principal = token is null ? null : validated.Get(token, TimeProvider.GetUtcNow());
        if (principal is null)
        {
            var result = await Context.AuthenticateAsync(OpenIddict);
            if (!result.Succeeded) return result;
            principal = result.Principal;
            if (token is not null && (result.Properties.ExpiresUtc ?? principal.GetExpirationDate()) is { } expires)
                validated.Keep(token, principal, expires, TimeProvider.GetUtcNow());
        }

        var (subject, stamp) = (principal.GetClaim(Claims.Subject), principal.GetClaim(AccountGuard.StampClaim));
        if (Context.GetEndpoint()?.Metadata.GetMetadata<AccountCheckInFirstBatch>() is not null
            && Guid.TryParse(subject, out var id) && !string.IsNullOrEmpty(stamp))
            Context.RequestServices.GetRequiredService<AccountCheck>().Defer(id, stamp);
        else if (!await guard.IsCurrentAsync(subject, stamp, Context.RequestAborted))
        {
            accountRefused = true;
            return AuthenticateResult.Fail(new AccountNotCurrent());
        }
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!accountRefused) return Context.ChallengeAsync(OpenIddict, properties);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = AccountNotCurrent.Challenge;
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(OpenIddict, properties);

    /// <summary>Validated access tokens until they expire, on this instance (at most 10,000: beyond, the expired go, or all).</summary>
    public sealed class ValidatedTokens
    {
        private const int Capacity = 10_000;
        private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Expires)> tokens = new(StringComparer.Ordinal);

        public ClaimsPrincipal? Get(string token, DateTimeOffset now) =>
            tokens.TryGetValue(token, out var t) && t.Expires > now ? t.Principal : null;

        public void Keep(string token, ClaimsPrincipal principal, DateTimeOffset expires, DateTimeOffset now)
        {
            if (tokens.Count >= Capacity)
            {
                foreach (var (key, t) in tokens)
                    if (t.Expires <= now) tokens.TryRemove(key, out _);
                if (tokens.Count >= Capacity) tokens.Clear();
            }
            tokens[token] = (principal, expires);
        }
    }
}
