using System.Collections.Immutable;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Boards;

public sealed record BoardOpened(BoardId BoardId, FamilyId FamilyId, string Title, DateTimeOffset At);

/// <summary>
/// A note on a board. Category, subjects (the family members it is about; empty: the family as a
/// whole) and audience decide who may read it, through <see cref="ItemPolicy"/>.
/// </summary>
public sealed record NotePosted(
    BoardId BoardId,
    ItemId ItemId,
    UserId AuthorId,
    string AuthorName,
    ActorRole AuthorRole,
    string Text,
    DateTimeOffset PostedAt,
    InformationCategory Category = InformationCategory.General,
    ImmutableArray<PersonId> About = default,
    Audience? Audience = null,
    OrganisationId? AuthorOrganisation = null)
{
    /// <summary>What a decision about this note needs (events written before categories read as General, for everyone).</summary>
    public ItemFacts ToFacts() => new(Category, About.IsDefault ? [] : About, AuthorId, AuthorOrganisation, Audience ?? Authorization.Audience.Everyone);
}

/// <summary>A family board: one family, a timeline of items.</summary>
public sealed record Board(BoardId Id, FamilyId FamilyId, string Title)
{
    public const int MaxNoteLength = 10_000;

    public static Board? Evolve(Board? state, object @event) => @event switch
    {
        BoardOpened e => new Board(e.BoardId, e.FamilyId, e.Title),
        _ => state,
    };

    public static IReadOnlyList<object> Open(BoardId id, Family family, string title, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainRuleViolation("board.title-required", "Geef het bord een titel.");
        return [new BoardOpened(id, family.Id, title.Trim(), now)];
    }

    /// <summary>What the author chose: category, subjects and audience (null: the category's default).</summary>
    public sealed record NoteChoices(InformationCategory Category, IReadOnlyList<PersonId> About, Audience? Audience)
    {
        public static NoteChoices Default { get; } = new(InformationCategory.General, [], null);
    }

    public static IReadOnlyList<object> PostNote(
        Board board, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table,
        Actor actor, ItemId itemId, string text, NoteChoices choices, DateTimeOffset now)
    {
        if (family.Id != board.FamilyId)
            throw new InvalidOperationException("The family passed in is not the board's family.");

        var boardDecision = BoardPolicy.Decide(actor, BoardAction.PostItem, family, birthDates, now);
        if (!boardDecision.KnowsItExists) throw new ResourceNotFound("board");
        if (choices.About.Any(p => family.MemberFor(p) is null))
            throw new DomainRuleViolation("note.subject-not-in-family", "Een notitie gaat alleen over leden van dit gezin.");

        var audience = choices.Audience ?? Audience.DefaultFor(choices.Category);
        var facts = new ItemFacts(choices.Category, [.. choices.About.Distinct()], actor.UserId, actor.OrganisationId, audience);
        var decision = ItemPolicy.Decide(actor, ItemAction.Create, facts, family, birthDates, table, now);
        if (!decision.Allowed) throw new NotAllowed(string.Join(" ", decision.Reasons));

        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            throw new DomainRuleViolation("note.text-required", "Schrijf een tekst voor de notitie.");
        if (trimmed.Length > MaxNoteLength)
            throw new DomainRuleViolation("note.text-too-long", $"Een notitie heeft hoogstens {MaxNoteLength} tekens.");

        return [new NotePosted(board.Id, itemId, actor.UserId, actor.DisplayName, actor.Role, trimmed, now,
            facts.Category, facts.About, facts.Audience, actor.OrganisationId)];
    }
}
