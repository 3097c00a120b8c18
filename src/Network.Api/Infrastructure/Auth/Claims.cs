using System.Security.Claims;
using Network.Domain.Authorization;
using Network.Domain.Common;
using OpenIddict.Abstractions;

namespace Network.Api.Infrastructure.Auth;

public static class NetworkClaims
{
    public const string Organisation = "org";

    /// <summary>Builds the actor from the verified token claims; nothing comes from the request body.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(OpenIddictConstants.Claims.Subject)
            ?? throw new UnauthorizedAccessException("The token has no subject.");
        var role = Enum.Parse<ActorRole>(user.FindFirstValue(OpenIddictConstants.Claims.Role)
            ?? throw new UnauthorizedAccessException("The token has no role."));
        return new Actor(
            new UserId(Guid.Parse(subject)),
            user.FindFirstValue(OpenIddictConstants.Claims.Name) ?? subject,
            role,
            user.FindFirstValue(Organisation));
    }
}
