namespace Network.Contracts;

/// <summary>A person's details as the API receives and returns them; fields the caller may not see are null.</summary>
public sealed record PersonDetailsDto(
    string? GivenNames, string? Prefix, string? FamilyName, DateOnly? DateOfBirth, string? Bsn, AddressDto? Address,
    string? Phone, string? Email, string? School, string? GeneralPractitioner);

/// <summary>A search hit: only what is needed to pick the right person, never address or BSN.</summary>
public sealed record PersonHit(Guid PersonId, string Name, DateOnly DateOfBirth);

/// <summary>A registry record as the caller may see it; <see cref="Hidden"/> names the kinds of facts left out.</summary>
public sealed record PersonView(
    Guid PersonId, string Name, PersonDetailsDto Details, IReadOnlyList<InformationCategory> Hidden, Guid? MergedInto, IReadOnlyList<Guid> Absorbed, long Version);

/// <summary>
/// A registered person who is likely the one being registered. When the caller may not see that
/// person, <see cref="Visible"/> is false and nothing is told but that they exist: link to them by id.
/// </summary>
public sealed record DuplicateView(Guid PersonId, bool Visible, string? Name, DateOnly? DateOfBirth, DuplicateReason Reason);

public sealed record RegisterPersonRequest(PersonDetailsDto? Details, bool AcknowledgeDuplicates = false);

public sealed record PersonRegisteredResponse(Guid PersonId, long Version);

public sealed record CorrectPersonRequest(PersonDetailsDto? Details, string? Reason);

public sealed record PersonChanged(Guid PersonId, long Version);

public sealed record MergePersonsRequest(Guid? DuplicateId);

public sealed record PersonsMerged(Guid SurvivorId, Guid DuplicateId);
