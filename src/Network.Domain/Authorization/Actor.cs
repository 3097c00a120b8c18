using Network.Domain.Common;

namespace Network.Domain.Authorization;

/// <summary>The kind of user, matching the columns of the authorization table.</summary>
public enum ActorRole
{
    Parent,
    Youth,
    NetworkMember,
    NeighbourhoodTeam,
    YouthCare,
    YouthHealth,
    FamilyGuardian,
    ProbationOfficer,
    ChildProtectionBoard,
    ContractManager,
    FunctionalAdministrator,
}

/// <summary>Who is acting: built from the caller's verified claims, never from the request body.</summary>
public sealed record Actor(UserId UserId, string DisplayName, ActorRole Role, string? Organisation)
{
    public bool IsProfessional => Role is ActorRole.NeighbourhoodTeam or ActorRole.YouthCare or ActorRole.YouthHealth
        or ActorRole.FamilyGuardian or ActorRole.ProbationOfficer or ActorRole.ChildProtectionBoard;
}
