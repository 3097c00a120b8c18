using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Authorization;

/// <summary>How much of a fact the actor may see: nothing, only that it exists (condition 8), or all of it.</summary>
public enum Sight
{
    None,
    ExistenceOnly,
    Full,
}

/// <summary>The table cell that applies to an actor and one child, after the conditions about the actor.</summary>
public sealed record CellOutcome(Standing Standing, TableColumn? Column, TableCell Cell, Sight Sight, Reason[] Reasons)
{
    public bool Allowed => Sight != Sight.None;
}

/// <summary>
/// Steps 1 to 3 of a decision (docs/authorization.md): standing on the child, the table cell of
/// the actor's column, and the numbered conditions about the actor. Items add their own
/// conditions and audience on top (<see cref="ItemPolicy"/>); facts about the family use it as is
/// (<see cref="FamilyPolicy"/>).
/// </summary>
public static class TablePolicy
{
    // A decision is taken per item and per reader: its reasons are built once per table cell.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(InformationCategory, TableColumn, TableAccess), Reason> CellReasons = new();

    /// <summary>The table column for what the actor is to the child.</summary>
    public static TableColumn? ColumnFor(Actor actor, StandingKind standing) => standing switch
    {
        StandingKind.ParentWithAuthority => TableColumn.ParentWithAuthority,
        StandingKind.ParentWithoutAuthority => TableColumn.ParentWithoutAuthority,
        StandingKind.Youth => TableColumn.Youth,
        StandingKind.NetworkMember => TableColumn.NetworkMember,
        StandingKind.ProfessionalByConsent or StandingKind.ProfessionalByLegalBasis or StandingKind.Emergency => actor.Role switch
        {
            ActorRole.NeighbourhoodTeam => TableColumn.NeighbourhoodTeam,
            ActorRole.YouthCare => TableColumn.YouthCare,
            ActorRole.YouthHealth => TableColumn.YouthHealth,
            ActorRole.FamilyGuardian => TableColumn.FamilyGuardian,
            ActorRole.ProbationOfficer => TableColumn.ProbationOfficer,
            ActorRole.ChildProtectionBoard => TableColumn.ChildProtectionBoard,
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// The cell for <paramref name="category"/> in the actor's column for <paramref name="child"/>
    /// (null: a family without children, decided on the family as a whole), with the conditions
    /// that concern the actor: legal basis (6), about themself (4), under 16 (7), existence only
    /// (8) and administrative only (9).
    /// </summary>
    public static CellOutcome OnChild(
        Actor actor, TableAccess needed, InformationCategory category, IReadOnlyCollection<PersonId> about,
        Family family, PersonId? child, IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at,
        StandingMemo? memo = null)
    {
        var birthDate = child is { } c ? birthDates.GetValueOrDefault(c) : default;
        var standing = memo is not null
            ? child is { } known ? memo.OnChild(known) : memo.OnFamily()
            : child is { } kid ? Standings.OnChild(family, actor, kid, birthDate, at) : Standings.OnFamily(family, actor, birthDates, at);
        var none = new TableCell(TableAccess.None);
        if (!standing.Exists) return new(standing, null, none, Sight.None, [standing.Reason]);
        var column = ColumnFor(actor, standing.Kind);
        if (column is null) return new(standing, null, none, Sight.None, [new Reason(Reasons.NoStanding)]);

        var cell = table[category, column.Value];
        var cellReason = CellReasons.GetOrAdd((category, column.Value, cell.Access),
            k => Reason.Of(Reasons.TableCell, ("category", k.Item1), ("column", k.Item2), ("access", k.Item3)));
        if (cell.Access < needed) return new(standing, column, cell, Sight.None, [standing.Reason, cellReason]);

        var c2 = cell.Conditions;
        string? failed = null;
        var sight = Sight.Full;
        if (c2.HasFlag(TableCondition.LegalBasis) && standing.Kind != StandingKind.ProfessionalByLegalBasis)
            failed = "legal-basis";
        else if (c2.HasFlag(TableCondition.AboutThemself) && !(actor.PersonId is { } me && about.Count == 1 && about.Contains(me)))
            failed = "about-themself";
        else if (c2.HasFlag(TableCondition.Under16OrYouthConsent) && child is { } youth
                 && Person.AgeOn(birthDate, DateOnly.FromDateTime(at.UtcDateTime)) >= YouthSay.Age
                 && !(YouthSay.IsParentColumn(column.Value) && YouthSay.ParentsSee(family, youth, category)))
            // From 16 the youth's own say per category (YouthSay): closed until they let their parents see it.
            failed = "under-16-or-youth-consent";
        else if (c2.HasFlag(TableCondition.AdministrativeOnly))
            failed = "administrative-only";
        else if (c2.HasFlag(TableCondition.ExistenceOnly) && needed == TableAccess.Read)
            sight = Sight.ExistenceOnly;

        if (failed is not null)
            return new(standing, column, cell, Sight.None, [standing.Reason, cellReason, new Reason(Reasons.ConditionPrefix + failed)]);
        // Open from 16 only because the youth lets their parents see it: the reason says so.
        return c2.HasFlag(TableCondition.Under16OrYouthConsent) && child is not null
               && Person.AgeOn(birthDate, DateOnly.FromDateTime(at.UtcDateTime)) >= YouthSay.Age
            ? new(standing, column, cell, sight, [standing.Reason, cellReason, new Reason(YouthSay.LetsParentsSee)])
            : new(standing, column, cell, sight, [standing.Reason, cellReason]);
    }

    /// <summary>How much the actor may see of a fact of <paramref name="category"/> about one person of the family.</summary>
    public static Sight FactAbout(
        Actor actor, InformationCategory category, PersonId person, Family family,
        IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at)
    {
        var member = family.MemberFor(person);
        if (member is null) return Sight.None;
        if (member.Relation == Relation.Child)
            return OnChild(actor, TableAccess.Read, category, [person], family, person, birthDates, table, at).Sight;
        // An adult's facts: on any child of the family (or the family as a whole while it has none).
        var children = family.Children.ToList();
        return children.Count == 0
            ? OnChild(actor, TableAccess.Read, category, [person], family, null, birthDates, table, at).Sight
            : children.Select(c => OnChild(actor, TableAccess.Read, category, [person], family, c, birthDates, table, at).Sight).Max();
    }
}
