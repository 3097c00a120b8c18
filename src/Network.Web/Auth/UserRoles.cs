using System.Security.Claims;

namespace Network.Web.Auth;

/// <summary>The user's role from the "role" claim, as the API's enum; an unknown role is none of these.</summary>
public static class UserRoles
{
    public static ActorRole? Role(this ClaimsPrincipal user) =>
        Enum.TryParse<ActorRole>(user.FindFirst("role")?.Value, ignoreCase: false, out var role) && Enum.IsDefined(role) ? role : null;

    public static bool IsProfessional(this ClaimsPrincipal user) => user.Role() is ActorRole.NeighbourhoodTeam or ActorRole.YouthCare
        or ActorRole.YouthHealth or ActorRole.FamilyGuardian or ActorRole.ProbationOfficer or ActorRole.ChildProtectionBoard;

    public static bool IsFunctionalAdministrator(this ClaimsPrincipal user) => user.Role() is ActorRole.FunctionalAdministrator;

    /// <summary>The user's id (the "sub" claim), the same id the API uses for them.</summary>
    public static Guid? UserId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirst("sub")?.Value, out var id) ? id : null;

    /// <summary>The registry person the user is (the "person" claim): a family member has one, a professional not.</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirst("person")?.Value, out var id) ? id : null;
}
