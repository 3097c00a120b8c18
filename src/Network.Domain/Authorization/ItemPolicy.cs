using System.Collections.Immutable;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Authorization;

/// <summary>Who the author lets see an item, within what the table allows.</summary>
public enum AudienceKind
{
    /// <summary>Everyone on the board, the family included.</summary>
    Everyone,
    /// <summary>The professionals on the board.</summary>
    Professionals,
    /// <summary>The author's own organisation.</summary>
    OwnOrganisation,
    /// <summary>Named people only.</summary>
    NamedPeople,
}

public sealed record Audience(AudienceKind Kind, ImmutableArray<UserId> Named)
{
    public static Audience Everyone { get; } = new(AudienceKind.Everyone, []);
    public static Audience Professionals { get; } = new(AudienceKind.Professionals, []);
    public static Audience OwnOrganisation { get; } = new(AudienceKind.OwnOrganisation, []);

    /// <summary>The audience an item gets when its author chooses none.</summary>
    public static Audience DefaultFor(InformationCategory category) => category switch
    {
        InformationCategory.General or InformationCategory.Plan or InformationCategory.CourtMeasure
            or InformationCategory.ContactDetails => Everyone,
        _ => Professionals,
    };

    public bool Names(UserId user) => !Named.IsDefault && Named.Contains(user);
}

/// <summary>What a decision about an item needs to know of it.</summary>
public sealed record ItemFacts(
    InformationCategory Category,
    ImmutableArray<PersonId> About,
    UserId Author,
    OrganisationId? AuthorOrganisation,
    Audience Audience,
    ImmutableArray<UserId> AssignedTo = default,
    bool ForNetwork = false,
    ImmutableArray<PersonId> AssignedPersons = default)
{
    /// <summary>The action is assigned to the actor: as a professional (user) or as a family or network member (person).</summary>
    public bool IsAssignedTo(Actor actor) =>
        !AssignedTo.IsDefault && AssignedTo.Contains(actor.UserId)
        || actor.PersonId is { } p && !AssignedPersons.IsDefault && AssignedPersons.Contains(p);
}

public enum ItemAction
{
    Read,
    Create,
    /// <summary>Correct (or mark as entered in error) an item one wrote oneself.</summary>
    Correct,
}

/// <summary>
/// The decision function of docs/authorization.md for items: standing per child, the table
/// cell, its numbered conditions, then the item's audience. Pure and fast: no I/O.
/// </summary>
public static class ItemPolicy
{
    public static Decision Decide(
        Actor actor, ItemAction action, ItemFacts item, Family family,
        IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at, StandingMemo? memo = null)
    {
        // A memo made for another actor, family or moment would give the wrong standing: not used then.
        if (memo is not null && !memo.Fits(family, actor, at)) memo = null;
        var children = family.Children.ToList();
        var aboutChildren = item.About.Where(children.Contains).ToList();
        // About particular children: standing on each. About the family or an adult: on any child
        // (or on the family as a whole while it has no children).
        var needEach = aboutChildren.Count > 0;
        IReadOnlyList<PersonId?> candidates = needEach
            ? [.. aboutChildren.Select(c => (PersonId?)c)]
            : children.Count > 0 ? [.. children.Select(c => (PersonId?)c)] : [null];

        var outcomes = candidates.Select(child => OnChild(actor, action, item, family, child, birthDates, table, at, memo)).ToList();
        var allowed = needEach ? outcomes.All(o => o.Allowed) : outcomes.Any(o => o.Allowed);
        var decisive = needEach
            ? outcomes.FirstOrDefault(o => !o.Allowed) ?? outcomes[0]
            : outcomes.FirstOrDefault(o => o.Allowed) ?? outcomes.FirstOrDefault(o => o.Standing.Exists) ?? outcomes[0];

        var subjects = Subjects(item, children, candidates, outcomes, decisive, allowed);
        if (allowed) return Decision.Allow(decisive.Reasons, subjects);
        if (outcomes.All(o => !o.Standing.Exists)) return Decision.NoStanding(decisive.Reasons, subjects);
        // An item one may not read is, to that actor, an item that does not exist.
        return action == ItemAction.Read ? Decision.NoStanding(decisive.Reasons, subjects) : Decision.Deny(decisive.Reasons, subjects);
    }

    /// <summary>One access-log subject per person the item is about; none named: the family as a whole.</summary>
    private static IEnumerable<SubjectOutcome> Subjects(
        ItemFacts item, List<PersonId> children, IReadOnlyList<PersonId?> candidates, List<ChildOutcome> outcomes, ChildOutcome decisive, bool allowed)
    {
        if (item.About.IsDefaultOrEmpty)
            return [new SubjectOutcome(null, decisive.Standing.Basis, allowed, decisive.Standing.BasisCategory)];
        return item.About.Distinct().Select(person =>
        {
            var index = children.Contains(person) ? IndexOf(candidates, person) : -1;
            var standing = index >= 0 ? outcomes[index].Standing : decisive.Standing;
            return new SubjectOutcome(person, standing.Basis, allowed, standing.BasisCategory);
        });
    }

    private static int IndexOf(IReadOnlyList<PersonId?> candidates, PersonId person)
    {
        for (var i = 0; i < candidates.Count; i++) if (candidates[i] == person) return i;
        return -1;
    }

    /// <summary>
    /// Whether the actor may create this only as a proposal (condition 1: family members propose,
    /// comment and agree; a professional takes a proposal into the plan).
    /// </summary>
    public static bool OnlyProposes(
        Actor actor, ItemFacts item, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at)
    {
        var children = family.Children.ToList();
        var about = item.About.Where(children.Contains).Select(c => (PersonId?)c).ToList();
        IReadOnlyList<PersonId?> candidates = about.Count > 0 ? about : children.Count > 0 ? [.. children.Select(c => (PersonId?)c)] : [null];
        return candidates
            .Select(c => TablePolicy.OnChild(actor, TableAccess.Write, item.Category, item.About, family, c, birthDates, table, at))
            .Where(c => c.Allowed)
            .Any(c => c.Cell.Conditions.HasFlag(TableCondition.ProposeOnly));
    }

    private sealed record ChildOutcome(Standing Standing, bool Allowed, Reason[] Reasons);

    private static ChildOutcome OnChild(
        Actor actor, ItemAction action, ItemFacts item, Family family, PersonId? child,
        IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at, StandingMemo? memo)
    {
        var needed = action == ItemAction.Read ? TableAccess.Read : TableAccess.Write;
        var cell = TablePolicy.OnChild(actor, needed, item.Category, item.About, family, child, birthDates, table, at, memo);
        if (!cell.Allowed) return new(cell.Standing, false, cell.Reasons);
        // Existence only (condition 8) says a fact exists; an item's content is more than that.
        if (cell.Sight == Sight.ExistenceOnly)
            return new(cell.Standing, false, [.. cell.Reasons, new Reason(Reasons.ConditionPrefix + "existence-only")]);

        var isAuthor = item.Author == actor.UserId;
        if (action == ItemAction.Correct && !isAuthor)
            return new(cell.Standing, false, [.. cell.Reasons, new Reason(Reasons.OnlyOwnItems)]);
        if (!isAuthor && ItemCondition(actor, action, item, cell.Cell.Conditions) is { } failed)
            return new(cell.Standing, false, [.. cell.Reasons, new Reason(Reasons.ConditionPrefix + failed)]);
        if (action == ItemAction.Read && !isAuthor && AudienceRefuses(actor, item) is { } audience)
            return new(cell.Standing, false, [.. cell.Reasons, new Reason(audience)]);
        return new(cell.Standing, true, isAuthor ? [.. cell.Reasons, new Reason(Reasons.Author)] : cell.Reasons);
    }

    /// <summary>The conditions about the item rather than the actor: 1, 2, 3 and 5.</summary>
    private static string? ItemCondition(Actor actor, ItemAction action, ItemFacts item, TableCondition c)
    {
        var read = action == ItemAction.Read;
        if (c.HasFlag(TableCondition.ProposeOnly) && action == ItemAction.Correct)
            return "propose-only";
        if (read && c.HasFlag(TableCondition.AssignedOrForNetwork) && !item.ForNetwork && !item.IsAssignedTo(actor))
            return "assigned-or-for-network";
        if (read && c.HasFlag(TableCondition.AudienceIncludesFamily) && item.Audience.Kind != AudienceKind.Everyone && !item.Audience.Names(actor.UserId))
            return "audience-includes-family";
        if (read && c.HasFlag(TableCondition.SharedExplicitly) && !item.Audience.Names(actor.UserId))
            return "shared-explicitly";
        return null;
    }

    private static string? AudienceRefuses(Actor actor, ItemFacts item) => item.Audience.Kind switch
    {
        AudienceKind.Everyone => null,
        AudienceKind.Professionals when actor.IsProfessional => null,
        AudienceKind.Professionals => Reasons.AudienceProfessionals,
        AudienceKind.OwnOrganisation when actor.OrganisationId is not null && actor.OrganisationId == item.AuthorOrganisation => null,
        AudienceKind.OwnOrganisation => Reasons.AudienceOwnOrganisation,
        AudienceKind.NamedPeople when item.Audience.Names(actor.UserId) => null,
        _ => Reasons.AudienceNamed,
    };
}
