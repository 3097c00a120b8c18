using System.Text.RegularExpressions;
using Network.Domain.Common;

namespace Network.Domain.Registry;

/// <summary>A person in the regional registry: child, parent or network member, registered once.</summary>
public readonly record struct PersonId(Guid Value)
{
    public static PersonId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>A Dutch name: given names, an optional prefix (tussenvoegsel, "van der") and the family name.</summary>
public sealed record PersonName(string GivenNames, string? Prefix, string FamilyName)
{
    public string Display => string.Join(" ", new[] { GivenNames, Prefix, FamilyName }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>Where someone lives. The municipality decides who pays for youth care (woonplaatsbeginsel).</summary>
public sealed record Address(string Street, string HouseNumber, string Postcode, string City, string Municipality)
{
    public string Display => $"{Street} {HouseNumber}, {Postcode} {City}";
}

/// <summary>What the registry knows about a person.</summary>
public sealed record PersonDetails(
    PersonName Name,
    DateOnly DateOfBirth,
    string? Bsn,
    Address? Address,
    string? Phone,
    string? Email,
    string? School,
    string? GeneralPractitioner);

public sealed record PersonRegistered(PersonId PersonId, PersonDetails Details, UserId By, DateTimeOffset At);

/// <summary>A correction: the new details replace the old ones everywhere the person appears.</summary>
public sealed record PersonDetailsCorrected(PersonId PersonId, PersonDetails Details, string Reason, UserId By, DateTimeOffset At);

/// <summary>On the duplicate's stream: it now lives on as <see cref="Survivor"/>.</summary>
public sealed record PersonMergedInto(PersonId PersonId, PersonId Survivor, UserId By, DateTimeOffset At);

/// <summary>On the survivor's stream: the duplicate's references now point here.</summary>
public sealed record PersonAbsorbed(PersonId PersonId, PersonId Duplicate, UserId By, DateTimeOffset At);

/// <summary>A registered person, with the ids of duplicates merged into it.</summary>
public sealed partial record Person(PersonId Id, PersonDetails Details, PersonId? MergedInto, IReadOnlyList<PersonId> Absorbed)
{
    public static Person? Evolve(Person? state, object @event) => @event switch
    {
        PersonRegistered e => new Person(e.PersonId, e.Details, null, []),
        PersonDetailsCorrected e when state is not null => state with { Details = e.Details },
        PersonMergedInto e when state is not null => state with { MergedInto = e.Survivor },
        PersonAbsorbed e when state is not null => state with { Absorbed = [.. state.Absorbed, e.Duplicate] },
        _ => state,
    };

    /// <summary>Age in whole years on <paramref name="day"/>: the birthday itself counts.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        // Someone born on 29 February has their birthday on 1 March in other years.
        var birthdayThisYear = DateOnly.FromDateTime(dateOfBirth.ToDateTime(TimeOnly.MinValue).AddYears(age));
        if (dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(day.Year)) birthdayThisYear = new DateOnly(day.Year, 3, 1);
        return day < birthdayThisYear ? age - 1 : age;
    }

    public static IReadOnlyList<object> Register(PersonId id, PersonDetails details, UserId by, DateTimeOffset now)
    {
        return [new PersonRegistered(id, Validate(details, now), by, now)];
    }

    public static IReadOnlyList<object> Correct(Person person, PersonDetails details, string reason, UserId by, DateTimeOffset now)
    {
        if (person.MergedInto is not null)
            throw new DomainRuleViolation("person.merged");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleViolation("person.reason-required");
        var valid = Validate(details, now);
        return valid == person.Details ? [] : [new PersonDetailsCorrected(person.Id, valid, reason.Trim(), by, now)];
    }

    /// <summary>Merges <paramref name="duplicate"/> into <paramref name="survivor"/>; both histories stay readable.</summary>
    public static (IReadOnlyList<object> OnSurvivor, IReadOnlyList<object> OnDuplicate) Merge(
        Person survivor, Person duplicate, UserId by, DateTimeOffset now)
    {
        if (survivor.Id == duplicate.Id)
            throw new DomainRuleViolation("person.merge-self");
        if (survivor.MergedInto is not null || duplicate.MergedInto is not null)
            throw new DomainRuleViolation("person.merge-already-merged");
        if (survivor.Details.Bsn is { } a && duplicate.Details.Bsn is { } b && a != b)
            throw new DomainRuleViolation("person.merge-bsn-differs");
        return ([new PersonAbsorbed(survivor.Id, duplicate.Id, by, now)], [new PersonMergedInto(duplicate.Id, survivor.Id, by, now)]);
    }

    private static PersonDetails Validate(PersonDetails d, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(d.Name.GivenNames) || string.IsNullOrWhiteSpace(d.Name.FamilyName))
            throw new DomainRuleViolation("person.name-required");
        if (d.DateOfBirth > DateOnly.FromDateTime(now.UtcDateTime))
            throw new DomainRuleViolation("person.born-in-future");
        var bsn = Bsn.Normalize(d.Bsn);
        if (bsn is not null && !Bsn.IsValid(bsn))
            throw new DomainRuleViolation("person.bsn-invalid");
        var address = d.Address;
        if (address is not null)
        {
            var postcode = address.Postcode.Replace(" ", "").ToUpperInvariant();
            if (!PostcodePattern().IsMatch(postcode))
                throw new DomainRuleViolation("person.postcode-invalid");
            if (string.IsNullOrWhiteSpace(address.Municipality))
                throw new DomainRuleViolation("person.municipality-required");
            address = address with { Postcode = $"{postcode[..4]} {postcode[4..]}", Municipality = address.Municipality.Trim() };
        }
        return d with
        {
            Name = new PersonName(d.Name.GivenNames.Trim(), string.IsNullOrWhiteSpace(d.Name.Prefix) ? null : d.Name.Prefix.Trim(), d.Name.FamilyName.Trim()),
            Bsn = bsn,
            Address = address,
        };
    }

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex PostcodePattern();
}
