using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Domain.Families;

/// <summary>
/// Who decides on voluntary help for a child, on a given day: under 12 the parents with gezag;
/// 12 to 15 the youth and those parents; from 16 the youth alone (computed from the registry).
/// </summary>
public static class Consents
{
    public static IReadOnlySet<PersonId> Required(Family family, PersonId child, DateOnly birthDate, DateOnly day)
    {
        var age = Person.AgeOn(birthDate, day);
        var parents = family.ParentsWithAuthority(child, day);
        return age switch
        {
            < 12 => parents.ToHashSet(),
            < 16 => parents.Append(child).ToHashSet(),
            _ => new HashSet<PersonId> { child },
        };
    }

    /// <summary>Consent is valid when everyone whose consent is required gave it and none withdrew it.</summary>
    public static bool IsValid(Family family, UserId professional, PersonId child, DateOnly birthDate, DateOnly day)
    {
        var required = Required(family, child, birthDate, day);
        return required.Count > 0 && required.All(p =>
            family.Consents.Any(c => c.Professional == professional && c.Child == child && c.GivenBy == p));
    }

    /// <summary>Why the actor's consent does not count here: who decides at this age.</summary>
    public static string WhoDecides(bool aboutSelf, int age) => age switch
    {
        < 12 => "consent.parents-decide",
        < 16 => "consent.youth-and-parents-decide",
        _ => aboutSelf ? "consent.you-decide" : "consent.youth-decides",
    };
}
