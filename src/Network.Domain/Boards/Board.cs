using Network.Domain.Authorization;
using Network.Domain.Families;

namespace Network.Domain.Boards;

public sealed record BoardOpened(BoardId BoardId, FamilyId FamilyId, string Title, DateTimeOffset At);

/// <summary>
/// A board of a family: its main board or a themed one. Items live on their own streams and are
/// shown on one or more boards of the same family (<see cref="Items.Item"/>).
/// </summary>
public sealed record Board(BoardId Id, FamilyId FamilyId, string Title)
{
    public const int MaxTitleLength = 200;

    public static Board? Evolve(Board? state, object @event) => @event switch
    {
        BoardOpened e => new Board(e.BoardId, e.FamilyId, e.Title),
        _ => state,
    };

    /// <summary>The family's main board, opened with the family.</summary>
    public static IReadOnlyList<object> Open(BoardId id, Family family, string title, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainRuleViolation("board.title-required");
        if (title.Trim().Length > MaxTitleLength) throw new DomainRuleViolation("board.title-too-long", ("max", MaxTitleLength));
        return [new BoardOpened(id, family.Id, title.Trim(), now)];
    }

    /// <summary>A themed board (a child, school, safety, ...): opened by those who may write general items about the family.</summary>
    public static IReadOnlyList<object> OpenThemed(BoardId id, FamilyOf family, Actor actor, string title, AuthorizationTable table, DateTimeOffset now)
    {
        var facts = new ItemFacts(InformationCategory.General, [], actor.UserId, actor.OrganisationId, Audience.Everyone);
        var decision = ItemPolicy.Decide(actor, ItemAction.Create, facts, family.Family, family.BirthDates, table, now);
        if (!decision.KnowsItExists) throw new ResourceNotFound("family");
        if (!decision.Allowed || !actor.IsProfessional) throw new NotAllowed(decision.Reasons);
        return Open(id, family.Family, title, now);
    }
}
