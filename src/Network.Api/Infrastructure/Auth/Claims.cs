using System.Security.Claims;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;
using OpenIddict.Abstractions;

namespace Network.Api.Infrastructure.Auth;

public static class NetworkClaims
{
    public const string Organisation = "org";
    public const string OrganisationId = "org_id";
    public const string Person = "person";

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
            Guid.TryParse(user.FindFirstValue(OrganisationId), out var org) ? new OrganisationId(org) : null,
            user.FindFirstValue(Organisation),
            Guid.TryParse(user.FindFirstValue(Person), out var person) ? new PersonId(person) : null);
    }
}
