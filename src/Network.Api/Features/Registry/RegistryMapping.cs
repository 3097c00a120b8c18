namespace Network.Api.Features.Registry;

/// <summary>Between the registry's contracts and the domain.</summary>
public static class RegistryMapping
{
    public static Address ToDomain(this AddressDto a) => new(a.Street ?? "", a.HouseNumber ?? "", a.Postcode ?? "", a.City ?? "", a.Municipality ?? "");

    public static AddressDto? ToDto(this Address? a) => a is null ? null : new(a.Street, a.HouseNumber, a.Postcode, a.City, a.Municipality);

    public static PersonDetails ToDomain(this PersonDetailsDto d) => new(
        new PersonName(d.GivenNames ?? "", d.Prefix, d.FamilyName ?? ""), d.DateOfBirth ?? default, d.Bsn, d.Address?.ToDomain(),
        Empty(d.Phone), Empty(d.Email), Empty(d.School), Empty(d.GeneralPractitioner));

    /// <summary>The record as the actor may see it: kinds of facts they may not read are left out.</summary>
    public static PersonDetailsDto ToDto(this PersonDetails d, PersonSight sight)
    {
        var contact = sight.Contact == Sight.Full;
        var administrative = sight.Administrative == Sight.Full;
        return new(d.Name.GivenNames, d.Name.Prefix, d.Name.FamilyName, d.DateOfBirth, administrative ? d.Bsn : null,
            contact ? d.Address.ToDto() : null, contact ? d.Phone : null, contact ? d.Email : null, d.School, d.GeneralPractitioner);
    }

    /// <summary>The kinds of facts a correction changes.</summary>
    public static IReadOnlyCollection<InformationCategory> Changed(PersonDetails before, PersonDetails after)
    {
        var changed = new HashSet<InformationCategory>();
        if (before.Name != after.Name || before.DateOfBirth != after.DateOfBirth || before.School != after.School
            || before.GeneralPractitioner != after.GeneralPractitioner)
            changed.Add(InformationCategory.General);
        if (before.Address != after.Address || before.Phone != after.Phone || before.Email != after.Email)
            changed.Add(InformationCategory.ContactDetails);
        if (before.Bsn != after.Bsn) changed.Add(InformationCategory.Administrative);
        return changed;
    }

    /// <summary>A correction keeps what the actor may not see as it is: they cannot change (or erase) it unseen.</summary>
    public static PersonDetails KeepHidden(PersonDetails corrected, PersonDetails current, PersonSight sight) => corrected with
    {
        Bsn = sight.Administrative == Sight.Full ? corrected.Bsn : current.Bsn,
        Address = sight.Contact == Sight.Full ? corrected.Address : current.Address,
        Phone = sight.Contact == Sight.Full ? corrected.Phone : current.Phone,
        Email = sight.Contact == Sight.Full ? corrected.Email : current.Email,
    };

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
