using Network.Domain.Authorization;
using Network.Domain.Registry;

namespace Network.Domain.Families;

/// <summary>How consent reached the professional who recorded it.</summary>
public enum ConsentForm
{
    /// <summary>Said at the kitchen table, in a conversation.</summary>
    InPerson,
    /// <summary>Signed on a paper form (optionally scanned: <see cref="ConsentOnBehalf.Document"/>).</summary>
    Paper,
}

/// <summary>Who recorded a consent on the family member's behalf, how it was given and on which day.</summary>
public sealed record ConsentOnBehalf(UserId RecordedBy, string RecordedByName, ConsentForm Form, DateOnly GivenOn, string? Document);

public sealed record ConsentRecordedOnBehalf(
    FamilyId FamilyId, UserId Professional, PersonId Child, PersonId GivenBy, ConsentOnBehalf OnBehalf, DateTimeOffset At);

/// <summary>
/// Many families consent at the kitchen table, not in an app. A professional of the family's network
/// records such a consent for the family member who gave it; it counts only where that member may
/// consent by age and gezag, like a consent given in the app, and the member can withdraw it there.
/// </summary>
public static class ConsentRecording
{
    public static IReadOnlyList<object> Record(
        FamilyOf f, Actor actor, UserId professional, PersonId child, PersonId givenBy, ConsentForm form, DateOnly givenOn,
        string? document, DateTimeOffset now)
    {
        var family = f.Family;
        if (!actor.IsProfessional || family.ProfessionalFor(actor.UserId) is null) throw new NotAllowed(Reasons.ProfessionalsOnly);
        if (family.MemberFor(child)?.Relation != Relation.Child) throw new DomainRuleViolation("family.wrong-relation", ("relation", Relation.Child));
        if (family.MemberFor(givenBy) is null) throw new DomainRuleViolation("invitation.not-a-member");
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (givenOn > day) throw new DomainRuleViolation("consent.date-in-future");
        var born = f.BirthDates.GetValueOrDefault(child);
        if (!Consents.Required(family, child, born, day).Contains(givenBy))
            throw new DomainRuleViolation(Consents.WhoDecides(child == givenBy, Person.AgeOn(born, day)));
        var member = family.ProfessionalFor(professional) ?? throw new ResourceNotFound("member");
        if (member.Basis != MembershipBasis.Consent || !member.Children.Contains(child)) throw new DomainRuleViolation("consent.not-invited");
        return [new ConsentRecordedOnBehalf(family.Id, professional, child, givenBy,
            new ConsentOnBehalf(actor.UserId, actor.DisplayName, form, givenOn, string.IsNullOrWhiteSpace(document) ? null : document.Trim()), now)];
    }
}
