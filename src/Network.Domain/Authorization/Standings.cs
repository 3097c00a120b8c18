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
    /// <summary>Break-the-glass access, for a stated reason and a limited time.</summary>
    Emergency,
}

/// <summary>What the actor is to one child of the family at a moment, and why.</summary>
public sealed record Standing(StandingKind Kind, string Reason)
{
    public bool Exists => Kind != StandingKind.None;
}

/// <summary>Standing is per child: each child of a family is its own question.</summary>
public static class Standings
{
    public static Standing OnChild(Family family, Actor actor, PersonId child, DateOnly birthDate, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (actor.Role is ActorRole.FunctionalAdministrator or ActorRole.ContractManager)
            return new Standing(StandingKind.None, "Beheerders en contractmanagers zien geen casusinhoud.");
        if (family.MemberFor(child)?.Relation != Relation.Child)
            return new Standing(StandingKind.None, "Geen kind van dit gezin.");

        if (actor.IsFamily)
        {
            if (actor.PersonId is not { } person || family.MemberFor(person) is not { } member)
                return new Standing(StandingKind.None, "U hoort niet bij dit gezin.");
            if (person == child)
                return Person.AgeOn(birthDate, day) >= 12
                    ? new Standing(StandingKind.Youth, "U bent de jongere zelf.")
                    : new Standing(StandingKind.None, "Kinderen onder de 12 hebben geen eigen toegang.");
            return member.Relation switch
            {
                Relation.Parent or Relation.StepParent when family.HasAuthority(person, child, day) =>
                    new Standing(StandingKind.ParentWithAuthority, "U bent ouder met gezag."),
                Relation.Parent or Relation.StepParent =>
                    new Standing(StandingKind.ParentWithoutAuthority, "U bent ouder zonder gezag."),
                Relation.FosterParent or Relation.NetworkMember =>
                    new Standing(StandingKind.NetworkMember, "U bent pleegouder of netwerklid."),
                _ => new Standing(StandingKind.None, "U hoort niet bij dit gezin."),
            };
        }

        var standing = ProfessionalStanding(family, actor, child, birthDate, at, day);
        return standing.Exists || family.EmergencyFor(actor.UserId, at) is not { } emergency
            ? standing
            : new Standing(StandingKind.Emergency, $"Noodtoegang tot {emergency.Until:yyyy-MM-dd HH:mm} UTC: {emergency.Reason}");
    }

    private static Standing ProfessionalStanding(Family family, Actor actor, PersonId child, DateOnly birthDate, DateTimeOffset at, DateOnly day)
    {
        var professional = family.ProfessionalFor(actor.UserId);
        if (professional is null || professional.Since > at)
            return new Standing(StandingKind.None, "U hoort niet bij het netwerk van dit gezin.");
        if (ActiveMeasure(family, actor.Role, actor.OrganisationId, child, day) is { } measure)
            return new Standing(StandingKind.ProfessionalByLegalBasis,
                $"Wettelijke grondslag: {measure.Type} door {measure.OrganisationName} sinds {measure.Start:yyyy-MM-dd}.");
        if (professional.Basis == MembershipBasis.Consent && professional.Children.Contains(child)
            && Consents.IsValid(family, actor.UserId, child, birthDate, day))
            return new Standing(StandingKind.ProfessionalByConsent, "Het gezin gaf toestemming.");
        return new Standing(StandingKind.None, professional.Children.Contains(child)
            ? "Het gezin gaf (nog) geen toestemming voor dit kind."
            : "Uw lidmaatschap geldt niet voor dit kind.");
    }

    /// <summary>The organisation executes, or will execute, a fitting measure for the child that has not ended by <paramref name="day"/>.</summary>
    public static bool HasCurrentOrComingMeasure(Family family, ActorRole role, OrganisationId? organisation, PersonId child, DateOnly day) =>
        organisation is not null && family.Measures.Any(m =>
            m.Child == child && m.Organisation == organisation && Fits(role, m.Type) && (m.End is null || m.End > day));

    private static Measure? ActiveMeasure(Family family, ActorRole role, OrganisationId? organisation, PersonId child, DateOnly day) =>
        organisation is null
            ? null
            : family.Measures.FirstOrDefault(m => m.Child == child && m.Organisation == organisation && m.ActiveOn(day) && Fits(role, m.Type));

    private static bool Fits(ActorRole role, MeasureType type) => (role, type) switch
    {
        (ActorRole.FamilyGuardian, MeasureType.Ots or MeasureType.Voogdij or MeasureType.MachtigingUithuisplaatsing) => true,
        (ActorRole.ProbationOfficer, MeasureType.Jeugdreclassering) => true,
        (ActorRole.ChildProtectionBoard, MeasureType.RaadOnderzoek) => true,
        _ => false,
    };
}
