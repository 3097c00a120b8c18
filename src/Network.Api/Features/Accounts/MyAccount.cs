using Marten;
using Microsoft.AspNetCore.Identity;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Accounts;
using OpenIddict.Abstractions;

namespace Network.Api.Features.Accounts;

/// <summary>
/// One's own account ("mijn account"): what it is, and "log out everywhere", which renews the
/// security stamp and revokes every authorization, so every token of every session stops working.
/// Passwords and the authenticator are changed on the authorization server's own pages.
/// </summary>
public static class MyAccountEndpoints
{
    public static IEndpointRouteBuilder MapMyAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Account");
        group.MapGet("/account", async (HttpContext http, UserManager<NetworkUser> users) =>
            await users.FindByIdAsync(http.User.ToActor().UserId.ToString()) is { } user
                ? Results.Ok(View(user, http))
                : Results.NotFound())
            .WithName("MyAccount").WithSummary("The caller's own account.");
        group.MapPost("/sessions/end", async (HttpContext http, UserManager<NetworkUser> users, IOpenIddictAuthorizationManager authorizations,
                IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
            {
                var user = await users.FindByIdAsync(http.User.ToActor().UserId.ToString());
                if (user is null) return Results.NotFound();
                await users.UpdateSecurityStampAsync(user);
                await authorizations.RevokeBySubjectAsync(user.Id.ToString(), ct);
                session.Events.Append(user.Id, new SessionsEnded(new UserId(user.Id), clock.GetUtcNow()));
                await session.SaveChangesAsync(ct);
                return Results.Ok(View(user, http));
            })
            .WithName("EndAllSessions").WithSummary("Logs the caller out everywhere: every token of every session stops working.");
        return app;
    }

    private static MyAccountView View(NetworkUser user, HttpContext http) => new(
        user.DisplayName, user.Email ?? "", user.Role, user.Organisation, user.TwoFactorEnabled,
        AccountPolicyForLogin.TwoFactorRequiredFor(user.Role),
        (http.RequestServices.GetRequiredService<IConfiguration>()["Network:Issuer"] ?? $"{http.Request.Scheme}://{http.Request.Host}/").TrimEnd('/'));
}
