using Network.Domain.Authorization;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Boards;

public sealed record BoardOpened(BoardId BoardId, FamilyId FamilyId, string Title, DateTimeOffset At, bool Themed = false, ImmutableArray<PersonId> About = default);

/// <summary>A themed board was closed: nothing new is posted on it; its items stay readable wherever they are shown.</summary>
public sealed record BoardClosed(BoardId BoardId, string? Reason, UserId By, DateTimeOffset At);

/// <summary>
/// A board of a family: its main board or a themed one. Items live on their own streams and are
/// shown on one or more boards of the same family (<see cref="Items.Item"/>).
/// </summary>
/// <summary>
/// A board; a themed board may be about children of the family (its title often names them), and
/// then exists only for those who may read general facts about each of them.
/// </summary>
public sealed record Board(BoardId Id, FamilyId FamilyId, string Title, bool Themed = false, bool Closed = false, ImmutableArray<PersonId> About = default)
{
    public const int MaxTitleLength = 200;

    public static Board? Evolve(Board? state, object @event) => @event switch
    {
        BoardOpened e => new Board(e.BoardId, e.FamilyId, e.Title, e.Themed, false, e.About.IsDefault ? [] : e.About),
        BoardClosed when state is not null => state with { Closed = true },
        _ => state,
    };

    /// <summary>The family's main board, opened with the family.</summary>
    public static IReadOnlyList<object> Open(BoardId id, Family family, string title, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainRuleViolation("board.title-required");
        if (title.Trim().Length > MaxTitleLength) throw new DomainRuleViolation("board.title-too-long", ("max", MaxTitleLength));
        return [new BoardOpened(id, family.Id, title.Trim(), now, false, [])];
    }

    /// <summary>A themed board (a child, school, safety, ...): opened by those who may write general items about the family.</summary>
    public static IReadOnlyList<object> OpenThemed(
        BoardId id, FamilyOf family, Actor actor, string title, AuthorizationTable table, DateTimeOffset now, IReadOnlyList<PersonId>? about = null)
    {
        RequireManager(family, actor, table, now, "family");
        var children = about?.Distinct().ToImmutableArray() ?? [];
        if (children.Any(c => family.Family.MemberFor(c) is not { Relation: Relation.Child }))
            throw new DomainRuleViolation("board.about-not-a-child");
        var onChildren = ItemPolicy.Decide(actor, ItemAction.Create,
            new ItemFacts(InformationCategory.General, children, actor.UserId, actor.OrganisationId, Audience.Everyone), family.Family, family.BirthDates, table, now);
        if (!onChildren.Allowed) throw new DomainRuleViolation("board.about-not-a-child");
        return [.. Open(id, family.Family, title, now).Cast<BoardOpened>().Select(e => e with { Themed = true, About = children })];
    }

    /// <summary>
    /// Closes a themed board: the same people who may open one may close it; the family's main
    /// board is never closed. Its items stay readable on it and wherever else they are shown.
    /// </summary>
    public static IReadOnlyList<object> Close(Board board, FamilyOf family, Actor actor, string? reason, AuthorizationTable table, DateTimeOffset now)
    {
        RequireManager(family, actor, table, now, "board");
        if (!board.Themed) throw new DomainRuleViolation("board.main-stays-open");
        if (reason?.Trim().Length > Items.Item.MaxReasonLength) throw new DomainRuleViolation("item.reason-too-long", ("max", Items.Item.MaxReasonLength));
        return board.Closed ? [] : [new BoardClosed(board.Id, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor.UserId, now)];
    }

    /// <summary>Who opens and closes themed boards: professionals who may write general items about the family.</summary>
    private static void RequireManager(FamilyOf family, Actor actor, AuthorizationTable table, DateTimeOffset now, string resource)
    {
        var facts = new ItemFacts(InformationCategory.General, [], actor.UserId, actor.OrganisationId, Audience.Everyone);
        var decision = ItemPolicy.Decide(actor, ItemAction.Create, facts, family.Family, family.BirthDates, table, now);
        if (!decision.KnowsItExists) throw new ResourceNotFound(resource);
        if (!decision.Allowed || !actor.IsProfessional) throw new NotAllowed(decision.Reasons);
    }
}
