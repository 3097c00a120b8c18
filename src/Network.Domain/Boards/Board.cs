using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Boards;

public sealed record BoardOpened(BoardId BoardId, FamilyId FamilyId, string Title, DateTimeOffset At);

public sealed record NotePosted(
    BoardId BoardId,
    ItemId ItemId,
    UserId AuthorId,
    string AuthorName,
    ActorRole AuthorRole,
    string Text,
    DateTimeOffset PostedAt);

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
            throw new DomainRuleViolation("board.title-required", "A board needs a title.");
        return [new BoardOpened(id, family.Id, title.Trim(), now)];
    }

    public static IReadOnlyList<object> PostNote(
        Board board, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, Actor actor, ItemId itemId, string text, DateTimeOffset now)
    {
        if (family.Id != board.FamilyId)
            throw new InvalidOperationException("The family passed in is not the board's family.");

        var decision = BoardPolicy.Decide(actor, BoardAction.PostItem, family, birthDates, now);
        if (!decision.KnowsItExists) throw new ResourceNotFound("board");
        if (!decision.Allowed) throw new NotAllowed(string.Join(" ", decision.Reasons));

        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            throw new DomainRuleViolation("note.text-required", "A note needs text.");
        if (trimmed.Length > MaxNoteLength)
            throw new DomainRuleViolation("note.text-too-long", $"A note has at most {MaxNoteLength} characters.");

        return [new NotePosted(board.Id, itemId, actor.UserId, actor.DisplayName, actor.Role, trimmed, now)];
    }
}
