using Network.Domain.Registry;

namespace Network.Api.Features.Registry;

public sealed record AddressDto(string Street, string HouseNumber, string Postcode, string City, string Municipality)
{
    public Address ToDomain() => new(Street, HouseNumber, Postcode, City, Municipality);
    public static AddressDto? From(Address? a) => a is null ? null : new(a.Street, a.HouseNumber, a.Postcode, a.City, a.Municipality);
}

/// <summary>A person's details as the API receives and returns them.</summary>
public sealed record PersonDetailsDto(
    string? GivenNames, string? Prefix, string? FamilyName, DateOnly? DateOfBirth, string? Bsn, AddressDto? Address,
    string? Phone, string? Email, string? School, string? GeneralPractitioner)
{
    public PersonDetails ToDomain() => new(
        new PersonName(GivenNames ?? "", Prefix, FamilyName ?? ""), DateOfBirth ?? default, Bsn, Address?.ToDomain(),
        Empty(Phone), Empty(Email), Empty(School), Empty(GeneralPractitioner));

    public static PersonDetailsDto From(PersonDetails d) => new(
        d.Name.GivenNames, d.Name.Prefix, d.Name.FamilyName, d.DateOfBirth, d.Bsn, AddressDto.From(d.Address),
        d.Phone, d.Email, d.School, d.GeneralPractitioner);

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record DuplicateDto(Guid PersonId, string Name, DateOnly DateOfBirth, string Reason);
