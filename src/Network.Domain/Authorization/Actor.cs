using Network.Domain.Common;
using Network.Domain.Registry;

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

/// <summary>
/// Who is acting: built from the caller's verified claims, never from the request body.
/// Professionals carry their organisation; family members the registry person they are.
/// </summary>
public sealed record Actor(
    UserId UserId,
    string DisplayName,
    ActorRole Role,
    OrganisationId? OrganisationId = null,
    string? Organisation = null,
    PersonId? PersonId = null)
{
    public bool IsProfessional => Role is ActorRole.NeighbourhoodTeam or ActorRole.YouthCare or ActorRole.YouthHealth
        or ActorRole.FamilyGuardian or ActorRole.ProbationOfficer or ActorRole.ChildProtectionBoard;

    public bool IsFamily => Role is ActorRole.Parent or ActorRole.Youth or ActorRole.NetworkMember;

    /// <summary>Functional administrators and contract managers: never any case content.</summary>
    public bool IsAdministrative => Role is ActorRole.FunctionalAdministrator or ActorRole.ContractManager;
}
