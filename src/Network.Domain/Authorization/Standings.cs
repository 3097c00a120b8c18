using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Authorization;

public enum StandingKind
{
    None,
    ParentWithAuthority,
    ParentWithoutAuthority,
    Youth,
    NetworkMember,
    ProfessionalByConsent,
    ProfessionalByLegalBasis,
    /// <summary>Break-the-glass access to one child, for a stated reason and a limited time.</summary>
    Emergency,
}

/// <summary>
/// What the actor is to one child of the family at a moment, and why. <see cref="Measure"/> is
/// the measure a legal basis rests on.
/// </summary>
public sealed record Standing(StandingKind Kind, Reason Reason, Measure? Measure = null)
{
    public bool Exists => Kind != StandingKind.None;

    public AccessBasis Basis => Kind switch
    {
        StandingKind.ParentWithAuthority or StandingKind.ParentWithoutAuthority or StandingKind.Youth
            or StandingKind.NetworkMember => AccessBasis.FamilyMember,
        StandingKind.ProfessionalByConsent => AccessBasis.Consent,
        StandingKind.ProfessionalByLegalBasis => AccessBasis.LegalBasis,
        StandingKind.Emergency => AccessBasis.Emergency,
        _ => AccessBasis.None,
    };

    /// <summary>
    /// The category of the fact "who works with this child on what basis": a legal basis is
    /// court-measure or justice information, everything else is general.
    /// </summary>
    public InformationCategory BasisCategory => Measure is { } m ? Measures.CategoryOf(m.Type) : InformationCategory.General;

    public static Standing None(string code, params (string, object?)[] args) => new(StandingKind.None, Reason.Of(code, args));
}

/// <summary>Standing is per child: each child of a family is its own question.</summary>
public static class Standings
{
    public static Standing OnChild(Family family, Actor actor, PersonId child, DateOnly birthDate, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (actor.IsAdministrative) return Standing.None(Reasons.Administrators);
        if (family.MemberFor(child)?.Relation != Relation.Child) return Standing.None(Reasons.NotAChild);

        if (actor.IsFamily)
        {
            if (actor.PersonId is not { } person || family.MemberFor(person) is not { } member)
                return Standing.None(Reasons.NotInFamily);
            if (person == child)
                return Person.AgeOn(birthDate, day) >= 12
                    ? new Standing(StandingKind.Youth, new Reason(Reasons.Youth))
                    : Standing.None(Reasons.YouthUnder12);
            return member.Relation switch
            {
                Relation.Parent or Relation.StepParent when family.HasAuthority(person, child, day) =>
                    new Standing(StandingKind.ParentWithAuthority, new Reason(Reasons.ParentWithAuthority)),
                Relation.Parent or Relation.StepParent =>
                    new Standing(StandingKind.ParentWithoutAuthority, new Reason(Reasons.ParentWithoutAuthority)),
                Relation.FosterParent or Relation.NetworkMember =>
                    new Standing(StandingKind.NetworkMember, new Reason(Reasons.NetworkMember)),
                _ => Standing.None(Reasons.NotInFamily),
            };
        }

        var standing = ProfessionalStanding(family, actor, child, birthDate, at, day);
        return standing.Exists || family.EmergencyFor(actor.UserId, child, at) is not { } emergency
            ? standing
            : new Standing(StandingKind.Emergency, Reason.Of(Reasons.Emergency, ("until", emergency.Until), ("reason", emergency.Reason)));
    }

    /// <summary>
    /// Standing on the family as a whole: on any child of it. A family without children yet is
    /// set up by the professionals in its network and its adult members, so that the coordinator
    /// who registered it is not locked out of it.
    /// </summary>
    public static Standing OnFamily(Family family, Actor actor, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateTimeOffset at)
    {
        if (actor.IsAdministrative) return Standing.None(Reasons.Administrators);
        var children = family.Children.ToList();
        if (children.Count == 0)
        {
            if (family.ProfessionalFor(actor.UserId) is { } pro && pro.Since <= at)
                return new Standing(StandingKind.ProfessionalByConsent, new Reason(Reasons.FamilyWithoutChildren));
            if (actor.IsFamily && actor.PersonId is { } p && family.MemberFor(p) is not null)
                return new Standing(StandingKind.ParentWithoutAuthority, new Reason(Reasons.FamilyWithoutChildren));
            return Standing.None(Reasons.NoStanding);
        }
        Standing? first = null;
        foreach (var child in children)
        {
            var standing = OnChild(family, actor, child, birthDates.GetValueOrDefault(child), at);
            if (standing.Exists) return standing;
            first ??= standing;
        }
        return first!;
    }

    /// <summary>
    /// An invitation still waiting: a professional invited on consent for the child whose consent is
    /// not (yet) complete, or on legal basis for a measure that has not started. They may know the
    /// family's name and that child's name, and nothing else.
    /// </summary>
    public static bool IsPending(Family family, Actor actor, PersonId child, DateTimeOffset at)
    {
        if (!actor.IsProfessional || family.ProfessionalFor(actor.UserId) is not { } member || !member.Children.Contains(child))
            return false;
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return member.Basis == MembershipBasis.Consent
            || HasCurrentOrComingMeasure(family, actor.Role, actor.OrganisationId, child, day);
    }

    private static Standing ProfessionalStanding(Family family, Actor actor, PersonId child, DateOnly birthDate, DateTimeOffset at, DateOnly day)
    {
        var professional = family.ProfessionalFor(actor.UserId);
        if (professional is null || professional.Since > at) return Standing.None(Reasons.NoStanding);
        if (ActiveMeasure(family, actor.Role, actor.OrganisationId, child, day) is { } measure)
            return new Standing(StandingKind.ProfessionalByLegalBasis, Reason.Of(Reasons.LegalBasis,
                ("measure", measure.Type), ("organisation", measure.OrganisationName), ("since", measure.Start)), measure);
        if (professional.Basis == MembershipBasis.Consent && professional.Children.Contains(child)
            && Consents.IsValid(family, actor.UserId, child, birthDate, day))
            return new Standing(StandingKind.ProfessionalByConsent, new Reason(Reasons.ByConsent));
        if (!professional.Children.Contains(child)) return Standing.None(Reasons.NotInvitedForChild);
        return professional.Basis == MembershipBasis.Consent
            ? Standing.None(Reasons.ConsentPending)
            : Standing.None(Reasons.LegalBasisNotStarted);
    }

    /// <summary>The organisation executes, or will execute, a fitting measure for the child that has not ended by <paramref name="day"/>.</summary>
    public static bool HasCurrentOrComingMeasure(Family family, ActorRole role, OrganisationId? organisation, PersonId child, DateOnly day) =>
        organisation is not null && family.Measures.Any(m =>
            m.Child == child && m.Organisation == organisation && Measures.Fits(role, m.Type) && (m.End is null || m.End > day));

    private static Measure? ActiveMeasure(Family family, ActorRole role, OrganisationId? organisation, PersonId child, DateOnly day) =>
        organisation is null
            ? null
            : family.Measures.FirstOrDefault(m => m.Child == child && m.Organisation == organisation && m.ActiveOn(day) && Measures.Fits(role, m.Type));
}

/// <summary>
/// One actor's standings in one family at one moment, each worked out once: a read of a board
/// decides hundreds of items about the same few children.
/// </summary>
public sealed class StandingMemo(Family family, Actor actor, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateTimeOffset at)
{
    private readonly Dictionary<PersonId, Standing> children = [];
    private Standing? onFamily;

    public bool Fits(Family f, Actor a, DateTimeOffset t) => ReferenceEquals(f, family) && a == actor && t == at;

    public Standing OnChild(PersonId child)
    {
        if (!children.TryGetValue(child, out var standing))
            children[child] = standing = Standings.OnChild(family, actor, child, birthDates.GetValueOrDefault(child), at);
        return standing;
    }

    public Standing OnFamily() => onFamily ??= Standings.OnFamily(family, actor, birthDates, at);
}

/// <summary>What a measure is, as information: civil-law measures and investigations are court-measure facts, jeugdreclassering is justice.</summary>
public static class Measures
{
    public static InformationCategory CategoryOf(MeasureType type) =>
        type == MeasureType.Jeugdreclassering ? InformationCategory.Justice : InformationCategory.CourtMeasure;

    /// <summary>Which role a measure gives a legal basis to.</summary>
    public static bool Fits(ActorRole role, MeasureType type) => (role, type) switch
    {
        (ActorRole.FamilyGuardian, MeasureType.Ots or MeasureType.Voogdij or MeasureType.MachtigingUithuisplaatsing) => true,
        (ActorRole.ProbationOfficer, MeasureType.Jeugdreclassering) => true,
        (ActorRole.ChildProtectionBoard, MeasureType.RaadOnderzoek) => true,
        _ => false,
    };
}
