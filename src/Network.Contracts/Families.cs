namespace Network.Contracts;

public sealed record FamilySummary(Guid FamilyId, string Name, bool IsCoordinator, bool WaitingForConsent);

public sealed record RegisterFamilyRequest(string? Name);

public sealed record FamilyRegisteredResponse(Guid FamilyId, Guid BoardId, long Version);

/// <summary>What a family write answers: the family and its new version (also sent as ETag).</summary>
public sealed record FamilyChanged(Guid FamilyId, long Version);

public sealed record AddFamilyMemberRequest(Guid? PersonId, Relation? Relation);

public sealed record AuthorityRequest(Guid? ParentId, Guid? ChildId, DateOnly? Date);

public sealed record RecordMeasureRequest(Guid? ChildId, MeasureType? Type, Guid? OrganisationId, DateOnly? Start, DateOnly? End);

public sealed record EndRequest(DateOnly? On);

public sealed record AddressDto(string? Street, string? HouseNumber, string? Postcode, string? City, string? Municipality);

public sealed record StartPlacementRequest(Guid? ChildId, DateOnly? From, AddressDto? Address, bool SecretAddress);

public sealed record InviteProfessionalRequest(Guid? UserId, MembershipBasis? Basis, IReadOnlyList<Guid>? Children);

public sealed record CoordinatorRequest(Guid? UserId);

/// <summary>A measure; <see cref="Organisation"/> is null when the caller may know only that it exists (condition 8).</summary>
public sealed record MeasureView(Guid MeasureId, MeasureType Type, string? Organisation, DateOnly Start, DateOnly? End, bool Active);

/// <summary>A placement; <see cref="Address"/> is null when it is secret and the caller has no right to it.</summary>
public sealed record PlacementView(Guid PlacementId, DateOnly From, DateOnly? Until, bool SecretAddress, string? Address);

public enum ChildAccess
{
    /// <summary>Listed with what the caller may see of it.</summary>
    Full,
    /// <summary>Only the name: the caller's invitation waits for consent (or for their measure to start).</summary>
    Pending,
}

public sealed record ChildView(
    Guid PersonId, string Name, ChildAccess Access, IReadOnlyList<ReasonView> Standing, DateOnly? DateOfBirth, int? Age, string? School,
    string? MunicipalityOfResponsibility, IReadOnlyList<Guid> ParentsWithAuthority,
    IReadOnlyList<MeasureView> Measures, IReadOnlyList<PlacementView> Placements);

public sealed record AdultView(Guid PersonId, string Name, Relation Relation);

public sealed record ChildConsentView(Guid ChildId, string ChildName, bool HasStanding, IReadOnlyList<Guid> ConsentGivenBy);

public sealed record NetworkMemberView(
    Guid UserId, string Name, ActorRole Role, string? Organisation, MembershipBasis Basis, bool IsCoordinator, IReadOnlyList<ChildConsentView> Children);

/// <summary>A decision the caller, as family member, takes: consent for one professional and one child.</summary>
public sealed record ConsentTask(Guid ProfessionalId, string ProfessionalName, string? Organisation, Guid ChildId, string ChildName, bool GivenByMe, bool InForce,
    ConsentOnBehalfView? RecordedOnMyBehalf = null);

/// <summary>A consent a professional recorded for the family member (given in person or on paper).</summary>
public sealed record ConsentOnBehalfView(string RecordedBy, ConsentForm Form, DateOnly GivenOn);

public sealed record RecordConsentRequest(Guid? ProfessionalId, Guid? ChildId, Guid? GivenBy, ConsentForm? Form, DateOnly? GivenOn, string? Document);

/// <summary>Someone who opened a child with emergency access, for its time.</summary>
public sealed record EmergencyView(string Name, ActorRole Role, string? Organisation, Guid ChildId, string ChildName, string Reason, DateTimeOffset Until);

public sealed record FamilyView(
    Guid FamilyId, string Name, long Version, Guid? BoardId, bool CanManage, Guid? CoordinatorId,
    IReadOnlyList<ChildView> Children, IReadOnlyList<AdultView> Adults, IReadOnlyList<NetworkMemberView> Professionals,
    IReadOnlyList<ConsentTask> MyConsentTasks, IReadOnlyList<EmergencyView> Emergencies, IReadOnlyList<BoardRef> Boards, DateOnly AsOf);
