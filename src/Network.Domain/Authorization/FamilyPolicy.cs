using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Authorization;

/// <summary>What the actor may see of one child: its standing, or a pending invitation, and how much of each kind of fact.</summary>
public sealed record ChildSight(PersonId Child, Standing Standing, bool Pending, ImmutableDictionary<InformationCategory, Sight> Facts)
{
    public Sight Of(InformationCategory category) => Facts.GetValueOrDefault(category, Sight.None);

    /// <summary>Listed with its details (not only a name waiting for consent).</summary>
    public bool Full => Of(InformationCategory.General) != Sight.None;
}

/// <summary>A professional of the network as the actor may see them: only for the children whose basis the actor may know.</summary>
public sealed record MemberSight(UserId Professional, ImmutableArray<PersonId> Children, bool IsCoordinator);

/// <summary>
/// What one actor may see of a family. <see cref="Decision"/> says whether the family exists for
/// them at all (else: 404) and names, for the access log, every person whose facts are shown.
/// <see cref="SeesFamily"/>: its general facts and board; <see cref="SeesComposition"/>: who is in it.
/// </summary>
public sealed record FamilySight(
    Decision Decision,
    bool SeesFamily,
    bool SeesComposition,
    ImmutableArray<ChildSight> Children,
    ImmutableArray<PersonId> Adults,
    ImmutableArray<MemberSight> Network,
    ImmutableArray<PersonId> EmergenciesFor,
    bool CanManage)
{
    public ChildSight? Child(PersonId child) => Children.FirstOrDefault(c => c.Child == child);
}

/// <summary>
/// The family view, lists and counts under the same rules as items ("Beyond items" in
/// docs/authorization.md): every fact about the family is information of a category about a
/// person, and the actor sees it only when the table lets their column read that category about
/// that person. A child one has no standing on is absent: not listed, not counted, not named.
/// </summary>
public static class FamilyPolicy
{
    /// <summary>The kinds of facts a family view shows about a child.</summary>
    private static readonly InformationCategory[] FactCategories =
    [
        InformationCategory.General, InformationCategory.ContactDetails, InformationCategory.Administrative,
        InformationCategory.CourtMeasure, InformationCategory.Justice, InformationCategory.SecretAddress,
    ];

    public static FamilySight See(
        Actor actor, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at)
    {
        var onFamily = Standings.OnFamily(family, actor, birthDates, at);
        var seesFamily = onFamily.Exists && SeesGeneralAboutFamily(actor, family, birthDates, table, at);

        var children = ImmutableArray.CreateBuilder<ChildSight>();
        foreach (var child in family.Children)
        {
            var facts = FactCategories.ToImmutableDictionary(c => c,
                c => TablePolicy.OnChild(actor, TableAccess.Read, c, [child], family, child, birthDates, table, at).Sight);
            var standing = Standings.OnChild(family, actor, child, birthDates.GetValueOrDefault(child), at);
            var sight = new ChildSight(child, standing, !standing.Exists && Standings.IsPending(family, actor, child, at), facts);
            if (sight.Full || sight.Pending) children.Add(sight);
        }

        // The coordinator composes the family while consent is still being asked, so they see who
        // is in it; anyone else waiting for consent sees only the children they are invited for.
        var composes = seesFamily || family.Coordinator == actor.UserId && children.Any(c => c.Pending);
        var adults = composes
            ? [.. family.Members.Where(m => m.Relation != Relation.Child).Select(m => m.PersonId)]
            : ImmutableArray<PersonId>.Empty;

        var subjects = new List<SubjectOutcome>();
        if (seesFamily) subjects.Add(new SubjectOutcome(null, onFamily.Basis, true));
        foreach (var c in children)
            subjects.Add(new SubjectOutcome(c.Child, c.Pending ? AccessBasis.Consent : c.Standing.Basis, true, c.Standing.BasisCategory));
        subjects.AddRange(adults.Select(a => new SubjectOutcome(a, onFamily.Basis, true)));

        if (!composes && children.Count == 0)
            return new FamilySight(Decision.NoStanding([onFamily.Reason], [new SubjectOutcome(null, AccessBasis.None, false)]),
                false, false, [], [], [], [], false);

        var network = seesFamily || children.Any(c => c.Full) ? Network(actor, family, children, seesFamily, birthDates, table, at) : [];
        var emergencies = family.Emergencies.IsDefault
            ? ImmutableArray<PersonId>.Empty
            : [.. family.Emergencies.Where(e => e.ActiveAt(at) && children.Any(c => c.Child == e.Child && c.Full)).Select(e => e.Child).Distinct()];
        return new FamilySight(Decision.Allow([onFamily.Reason], subjects), seesFamily, composes, children.ToImmutable(), adults,
            network, emergencies, Manage(actor, family, birthDates, at).Allowed);
    }

    /// <summary>
    /// Who works with which child on what basis, as far as the actor may know it: a membership on
    /// consent is general information about the child, one on legal basis court-measure or
    /// justice information. The coordinator is known to everyone who sees the family.
    /// </summary>
    private static ImmutableArray<MemberSight> Network(
        Actor actor, Family family, ImmutableArray<ChildSight>.Builder children, bool seesFamily,
        IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var result = ImmutableArray.CreateBuilder<MemberSight>();
        foreach (var member in family.Professionals)
        {
            var visible = member.Children.Where(child =>
            {
                var sight = children.FirstOrDefault(c => c.Child == child);
                if (sight is null || !sight.Full) return false;
                if (member.UserId == actor.UserId) return true;
                return sight.Of(BasisCategory(family, member, child, day)) == Sight.Full;
            }).ToImmutableArray();
            var isCoordinator = family.Coordinator == member.UserId;
            if (visible.Length > 0 || member.UserId == actor.UserId && seesFamily || seesFamily && (isCoordinator || member.Children.IsEmpty))
                result.Add(new MemberSight(member.UserId, visible, isCoordinator));
        }
        return result.ToImmutable();
    }

    /// <summary>The category of "this professional works with this child": their legal basis, if they have one, else general.</summary>
    public static InformationCategory BasisCategory(Family family, NetworkMember member, PersonId child, DateOnly day)
    {
        if (member.Basis != MembershipBasis.LegalBasis) return InformationCategory.General;
        var measure = family.Measures.FirstOrDefault(m => m.Child == child && m.Organisation == member.OrganisationId
            && Measures.Fits(member.Role, m.Type) && (m.End is null || m.End > day));
        return measure is null ? InformationCategory.CourtMeasure : Measures.CategoryOf(measure.Type);
    }

    /// <summary>
    /// Composing the family (members, gezag, measures, placements, the network) is for its
    /// coordinator, while they have standing or an invitation still waiting for consent (someone
    /// must record the parents and gezag before consent can be given), and for professionals with
    /// standing on legal basis.
    /// </summary>
    public static Decision Manage(Actor actor, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateTimeOffset at)
    {
        var onFamily = Standings.OnFamily(family, actor, birthDates, at);
        var isCoordinator = family.Coordinator == actor.UserId && family.ProfessionalFor(actor.UserId) is not null;
        var pending = family.Children.Any(c => Standings.IsPending(family, actor, c, at));
        if (!onFamily.Exists && !(isCoordinator && pending))
            return pending ? Decision.Deny([onFamily.Reason, new Reason(Reasons.NotManager)]) : Decision.NoStanding([onFamily.Reason]);
        var legalBasis = family.Children.Select(c => Standings.OnChild(family, actor, c, birthDates.GetValueOrDefault(c), at))
            .FirstOrDefault(s => s.Kind == StandingKind.ProfessionalByLegalBasis);
        if (isCoordinator) return Decision.Allow([onFamily.Reason, new Reason(Reasons.Manager)]);
        if (legalBasis is not null) return Decision.Allow([legalBasis.Reason, new Reason(Reasons.Manager)]);
        return Decision.Deny([onFamily.Reason, new Reason(Reasons.NotManager)]);
    }

    /// <summary>
    /// Reading a board of the family: general information about the family as a whole, so
    /// standing on any child of it. Its items are each decided on their own (<see cref="ItemPolicy"/>).
    /// </summary>
    public static Decision ReadBoard(Actor actor, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at)
    {
        var onFamily = Standings.OnFamily(family, actor, birthDates, at);
        return onFamily.Exists && SeesGeneralAboutFamily(actor, family, birthDates, table, at)
            ? Decision.Allow([onFamily.Reason], [new SubjectOutcome(null, onFamily.Basis, true)])
            : Decision.NoStanding([onFamily.Reason], [new SubjectOutcome(null, AccessBasis.None, false)]);
    }

    /// <summary>
    /// A board: its family's board decision, and for a themed board about children, general facts
    /// about each of them (otherwise the board does not exist for the actor: its title may name them).
    /// </summary>
    public static Decision ReadBoard(
        Actor actor, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at, ImmutableArray<PersonId> about)
    {
        var board = ReadBoard(actor, family, birthDates, table, at);
        if (!board.Allowed || about.IsDefaultOrEmpty || SeesBoardAbout(actor, family, birthDates, table, at, about)) return board;
        return Decision.NoStanding([.. board.Reasons, new Reason(Reasons.ConditionPrefix + "board-about-child")],
            [.. about.Select(c => new SubjectOutcome(c, AccessBasis.None, false))]);
    }

    /// <summary>Whether a board about these children may be listed or opened by the actor.</summary>
    public static bool SeesBoardAbout(
        Actor actor, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at, ImmutableArray<PersonId> about) =>
        about.IsDefaultOrEmpty || about.All(c => TablePolicy.FactAbout(actor, InformationCategory.General, c, family, birthDates, table, at) == Sight.Full);

    /// <summary>
    /// A family member gives or withdraws consent: any member with standing in the family may ask;
    /// whose consent counts for which child is the family's own rule (<see cref="Consents"/>).
    /// </summary>
    public static Decision Consent(Actor actor, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateTimeOffset at)
    {
        var onFamily = Standings.OnFamily(family, actor, birthDates, at);
        if (!actor.IsFamily || actor.PersonId is not { } me || family.MemberFor(me) is null)
            return Decision.NoStanding([onFamily.Reason]);
        return Decision.Allow([onFamily.Exists ? onFamily.Reason : new Reason(Reasons.NotInFamily)]);
    }

    /// <summary>A professional leaves a network they are in; removing someone else is composing the family.</summary>
    public static Decision Leave(Actor actor, UserId professional, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateTimeOffset at) =>
        actor.UserId == professional && family.ProfessionalFor(professional) is not null
            ? Decision.Allow([new Reason(Reasons.Manager)])
            : Manage(actor, family, birthDates, at);

    /// <summary>The family as a whole exists for the actor: they have standing on it or a pending invitation.</summary>
    public static bool Knows(Actor actor, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateTimeOffset at) =>
        Standings.OnFamily(family, actor, birthDates, at).Exists || family.Children.Any(c => Standings.IsPending(family, actor, c, at));

    private static bool SeesGeneralAboutFamily(
        Actor actor, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at)
    {
        var children = family.Children.ToList();
        return children.Count == 0
            ? TablePolicy.OnChild(actor, TableAccess.Read, InformationCategory.General, [], family, null, birthDates, table, at).Allowed
            : children.Any(c => TablePolicy.OnChild(actor, TableAccess.Read, InformationCategory.General, [], family, c, birthDates, table, at).Allowed);
    }
}
