using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Authorization;

/// <summary>A family a person belongs to, with its children's birth dates: what a registry decision needs of it.</summary>
public sealed record FamilyOf(Family Family, IReadOnlyDictionary<PersonId, DateOnly> BirthDates);

/// <summary>
/// How much of a registry record the actor may see: name, birth date, school and GP are general
/// information about the person, address, phone and e-mail contact details, the BSN administrative.
/// </summary>
/// <see cref="Through"/> is the family whose standing the decision rests on (its access-log chain).
public sealed record PersonSight(Decision Decision, Sight General, Sight Contact, Sight Administrative, FamilyId? Through = null);

/// <summary>
/// The registry under the table: a person is visible where the actor may read general
/// information about them in one of their families; the person themself, and the professional
/// who registered someone not yet in any family, see the whole record.
/// </summary>
public static class RegistryPolicy
{
    public static PersonSight See(
        Actor actor, PersonId person, UserId? registeredBy, IReadOnlyCollection<FamilyOf> families, AuthorizationTable table, DateTimeOffset at)
    {
        if (actor.IsAdministrative)
            return Hidden(Reasons.Administrators, person);
        if (actor.PersonId == person)
            return Whole(Reasons.Self, person, AccessBasis.FamilyMember);
        if (families.Count == 0)
            return actor.IsProfessional && registeredBy == actor.UserId
                ? Whole(Reasons.Registrant, person, AccessBasis.Registrant)
                : Hidden(Reasons.NoStanding, person);

        Sight Best(InformationCategory category) => families
            .Select(f => TablePolicy.FactAbout(actor, category, person, f.Family, f.BirthDates, table, at)).DefaultIfEmpty(Sight.None).Max();
        var general = Best(InformationCategory.General);
        if (general == Sight.None) return Hidden(Reasons.NoStanding, person);
        var first = families.First();
        var (through, standing) = (first.Family.Id, Standings.OnFamily(first.Family, actor, first.BirthDates, at));
        foreach (var f in families)
            if (Standing(actor, person, f, at) is { Exists: true } found)
            {
                (through, standing) = (f.Family.Id, found);
                break;
            }
        return new PersonSight(Decision.Allow([standing.Reason], [new SubjectOutcome(person, standing.Basis, true, standing.BasisCategory)]),
            general, Best(InformationCategory.ContactDetails), Best(InformationCategory.Administrative), through);
    }

    /// <summary>
    /// Correcting a record: professionals who may write every kind of fact the correction changes
    /// (or the registrant of someone not yet in a family). Others who see the record get 403.
    /// </summary>
    public static Decision Correct(
        Actor actor, PersonId person, UserId? registeredBy, IReadOnlyCollection<FamilyOf> families,
        IReadOnlyCollection<InformationCategory> changed, AuthorizationTable table, DateTimeOffset at)
    {
        var sight = See(actor, person, registeredBy, families, table, at);
        if (!sight.Decision.Allowed) return sight.Decision;
        var subjects = sight.Decision.Subjects;
        if (!actor.IsProfessional)
            return Decision.Deny([new Reason(Reasons.ProfessionalsOnly)], Refused(subjects));
        if (families.Count == 0)
            return registeredBy == actor.UserId ? sight.Decision : Decision.Deny([new Reason(Reasons.NoStanding)], Refused(subjects));
        foreach (var category in changed)
        {
            var writes = families.Any(f => Writes(actor, category, person, f, table, at));
            if (!writes)
                return Decision.Deny([Reason.Of(Reasons.ConditionPrefix + "write", ("category", category))], Refused(subjects));
        }
        return sight.Decision;
    }

    private static bool Writes(Actor actor, InformationCategory category, PersonId person, FamilyOf f, AuthorizationTable table, DateTimeOffset at)
    {
        var member = f.Family.MemberFor(person);
        if (member is null) return false;
        IEnumerable<PersonId?> candidates = member.Relation == Relation.Child
            ? [person]
            : f.Family.Children.Any() ? f.Family.Children.Select(c => (PersonId?)c) : [null];
        return candidates.Any(c => TablePolicy.OnChild(actor, TableAccess.Write, category, [person], f.Family, c, f.BirthDates, table, at).Sight == Sight.Full);
    }

    private static Standing Standing(Actor actor, PersonId person, FamilyOf f, DateTimeOffset at) =>
        f.Family.MemberFor(person)?.Relation == Relation.Child
            ? Standings.OnChild(f.Family, actor, person, f.BirthDates.GetValueOrDefault(person), at)
            : Standings.OnFamily(f.Family, actor, f.BirthDates, at);

    private static IEnumerable<SubjectOutcome> Refused(IEnumerable<SubjectOutcome> subjects) => subjects.Select(s => s with { Allowed = false });

    private static PersonSight Whole(string code, PersonId person, AccessBasis basis) => new(
        Decision.Allow([new Reason(code)], [new SubjectOutcome(person, basis, true)]), Sight.Full, Sight.Full, Sight.Full);

    private static PersonSight Hidden(string code, PersonId person) => new(
        Decision.NoStanding([new Reason(code)], [new SubjectOutcome(person, AccessBasis.None, false)]), Sight.None, Sight.None, Sight.None);
}
