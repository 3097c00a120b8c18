using System.Security.Claims;

namespace Network.Web.Auth;

public static class UserRoles
{
    private static readonly HashSet<string> Professionals =
        ["NeighbourhoodTeam", "YouthCare", "YouthHealth", "FamilyGuardian", "ProbationOfficer", "ChildProtectionBoard"];

    public static bool IsProfessional(this ClaimsPrincipal user) => user.FindFirst("role")?.Value is { } role && Professionals.Contains(role);
}
