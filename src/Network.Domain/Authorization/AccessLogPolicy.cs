using System.Collections.Immutable;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Authorization;

/// <summary>
/// Which entries of a family's access log a reader may see: entries about the family as a whole
/// (<see cref="FamilyWide"/>), entries about a person whose basis is of a category the reader may
/// read about that person (<see cref="Persons"/>), and never what a youth of 16 or older did
/// themself to anyone else in the family (<see cref="HiddenSelfReads"/>: their own use of Network is theirs).
/// </summary>
public sealed record LogSight(
    Decision Decision,
    bool FamilyWide,
    ImmutableDictionary<InformationCategory, ImmutableArray<PersonId>> Persons,
    ImmutableArray<PersonId> HiddenSelfReads);

/// <summary>
/// "Wie keek mee?": the family reads the part of the access log about themselves and the children
/// they have standing on, the coordinator the family's; a person's entry shows only where the
/// reader may know on what basis someone worked with that person.
/// </summary>
public static class AccessLogPolicy
{
    /// <summary>The categories of "who works with a person on what basis".</summary>
    public static readonly InformationCategory[] BasisCategories =
        [InformationCategory.General, InformationCategory.CourtMeasure, InformationCategory.Justice];

    public static LogSight See(Actor viewer, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at)
    {
        var sight = FamilyPolicy.See(viewer, family, birthDates, table, at);
        if (!sight.Decision.KnowsItExists || !sight.SeesFamily)
            return Nothing(Decision.NoStanding(sight.Decision.Reasons, [new SubjectOutcome(null, AccessBasis.None, false)]));
        var isCoordinator = family.Coordinator == viewer.UserId;
        var isFamily = viewer.IsFamily && viewer.PersonId is { } me && family.MemberFor(me) is not null;
        if (!isCoordinator && !isFamily)
            return Nothing(Decision.Deny([new Reason(Reasons.LogNotForYou)], [new SubjectOutcome(null, AccessBasis.None, false)]));

        var persons = BasisCategories.ToImmutableDictionary(category => category, category =>
        {
            var visible = sight.Children.Where(c => c.Of(category) == Sight.Full).Select(c => c.Child).ToList();
            if (viewer.PersonId is { } self && family.MemberFor(self) is { Relation: not Relation.Child }
                && (category == InformationCategory.General || visible.Count > 0))
                visible.Add(self);
            if (isCoordinator && category == InformationCategory.General) visible.AddRange(sight.Adults);
            return visible.Distinct().ToImmutableArray();
        });

        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var hidden = viewer.Role == ActorRole.Youth
            ? ImmutableArray<PersonId>.Empty
            : [.. family.Children.Where(c => viewer.PersonId != c && Person.AgeOn(birthDates.GetValueOrDefault(c), day) >= 16)];

        var subjects = persons.Values.SelectMany(p => p).Distinct()
            .Select(p => new SubjectOutcome(p, isFamily ? AccessBasis.FamilyMember : sight.Decision.Subjects.FirstOrDefault()?.Basis ?? AccessBasis.None, true))
            .Prepend(new SubjectOutcome(null, isFamily ? AccessBasis.FamilyMember : AccessBasis.Consent, true));
        return new LogSight(Decision.Allow([new Reason(Reasons.LogReader)], subjects), true, persons, hidden);
    }

    /// <summary>
    /// An entry names the one who accessed the data only when they did so with standing in the
    /// family; anyone else is "someone without access" (with their organisation if a professional).
    /// </summary>
    public static bool NamesActor(AccessBasis basis) =>
        basis is AccessBasis.FamilyMember or AccessBasis.Consent or AccessBasis.LegalBasis or AccessBasis.Emergency;

    private static LogSight Nothing(Decision decision) => new(decision, false,
        ImmutableDictionary<InformationCategory, ImmutableArray<PersonId>>.Empty, []);
}
