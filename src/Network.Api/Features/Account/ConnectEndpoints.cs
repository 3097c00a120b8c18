using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Network.Api.Infrastructure.Auth;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Api.Features.Account;

/// <summary>The OpenID Connect endpoints OpenIddict passes through to us: authorize, end session, userinfo.</summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnect(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/connect").ExcludeFromDescription();
        group.MapMethods("/authorize", ["GET", "POST"], Authorize);
        group.MapMethods("/endsession", ["GET", "POST"], EndSession);
        group.MapMethods("/userinfo", ["GET", "POST"], UserInfo)
            .RequireAuthorization(p => p
                .AddAuthenticationSchemes(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser());
        return app;
    }

    private static async Task<IResult> Authorize(
        HttpContext http, UserManager<NetworkUser> users, SignInManager<NetworkUser> signIn, IHostEnvironment environment)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var login = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = login.Succeeded ? await users.GetUserAsync(login.Principal) : null;
        if (user is { IsActive: false })
        {
            await signIn.SignOutAsync();
            user = null;
        }
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Inloggen is nodig.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? [.. http.Request.Form] : [.. http.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        // Professionals set up their authenticator app before any token is issued (NEN 7510).
        if (Accounts.AccountPolicyForLogin.MustSetUpTwoFactor(user, environment))
        {
            var here = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? [.. http.Request.Form] : [.. http.Request.Query]);
            return Results.Redirect($"/account/2fa/setup?returnUrl={Uri.EscapeDataString(here)}");
        }

        var identity = new ClaimsIdentity(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Role, user.Role.ToString())
            .SetClaim(NetworkClaims.Organisation, user.Organisation)
            .SetClaim(NetworkClaims.OrganisationId, user.OrganisationId?.ToString())
            .SetClaim(NetworkClaims.Person, user.PersonId?.ToString())
            .SetClaim(AccountGuard.StampClaim, user.SecurityStamp);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(AuthSetup.ApiScope);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email when !identity.HasScope(Scopes.Email) => [],
            AccountGuard.StampClaim => [Destinations.AccessToken],
            _ => [Destinations.AccessToken, Destinations.IdentityToken],
        });

        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSession(HttpContext http, SignInManager<NetworkUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult UserInfo(ClaimsPrincipal user) => Results.Ok(new Dictionary<string, object?>
    {
        [Claims.Subject] = user.GetClaim(Claims.Subject),
        [Claims.Name] = user.GetClaim(Claims.Name),
        [Claims.Role] = user.GetClaim(Claims.Role),
        [NetworkClaims.Organisation] = user.GetClaim(NetworkClaims.Organisation),
    });
}
