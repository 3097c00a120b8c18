using Marten;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Items;

/// <summary>
/// The one way an existing item changes: load it with its family, refuse an item the actor may not
/// read as not found (before any version check), check If-Match against the item's own version,
/// let the domain decide (through its policy), and save with the access-log entries for the
/// persons the item is about in the same transaction. A refusal by the domain is logged as refused.
/// </summary>
public sealed class ItemWrites(IDocumentSession session, FamilyContexts families, Gate gate)
{
    /// <summary>
    /// The one way a new item is posted (a note, a document, an appointment): the board decision
    /// (404 for a board the actor may not know), then the item decision on what the author chose;
    /// the item gets its own stream, so two people posting at once both succeed.
    /// </summary>
    public Task<ItemPostedResponse> PostAsync(
        Actor actor, Guid boardId, string text, ItemChoices choices, CancellationToken ct,
        DocumentFile? document = null, AppointmentFields? appointment = null) =>
        PostAsync(actor, boardId, ItemDecisions.FactsOf(actor, choices),
            (board, id, now) => ItemDecisions.Post(board.Board, board.Family.Of, board.Family.Table, actor, id, text, choices, now, document, appointment), ct);

    /// <summary>
    /// Posts an item whose facts are known before the domain decides on the rest (a consultation,
    /// minutes): the board decision, the item decision on <paramref name="facts"/>, then the domain's.
    /// </summary>
    public async Task<ItemPostedResponse> PostAsync(
        Actor actor, Guid boardId, ItemFacts facts, Func<BoardContext, ItemId, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var board = await families.BoardAsync(new BoardId(boardId), ct) ?? throw gate.NotFound("board");
        var f = board.Family;
        gate.Guard(actor, AccessAction.Create, $"board:{boardId}", f.Id, board.Read(actor, gate.Now));
        if (facts.About.Any(p => f.Family.MemberFor(p) is null)) throw new DomainRuleViolation("item.subject-not-in-family");
        var id = ItemId.New();
        gate.Require(actor, AccessAction.Create, $"item:{id}", f.Id,
            ItemPolicy.Decide(actor, ItemAction.Create, facts, f.Family, f.BirthDates, f.Table, gate.Now));
        var events = decide(board, id, gate.Now);
        session.Events.StartStream<Item>(id.Value, [.. events]);
        await gate.SaveAsync(ct);
        return new ItemPostedResponse(id.Value, boardId, await gate.PositionOfAsync(id, ct), events.Count);
    }

    public async Task<ItemChangedResponse> ChangeAsync(
        Actor actor, Guid itemId, long? expectedVersion, Func<Item, FamilyContext, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Item>(itemId, ct);
        var item = stream.Aggregate ?? throw gate.NotFound("item");
        var family = await families.LoadAsync(item.FamilyId, ct) ?? throw gate.NotFound("item");
        var resource = $"item:{itemId}";
        var read = ItemPolicy.Decide(actor, ItemAction.Read, item.Facts, family.Family, family.BirthDates, family.Table, gate.Now);
        gate.Guard(actor, AccessAction.Update, resource, family.Id, read);
        var version = stream.CurrentVersion ?? 0;
        Versions.Check(expectedVersion, version);

        IReadOnlyList<object> events;
        try
        {
            events = decide(item, family, gate.Now);
        }
        catch (NotAllowed)
        {
            gate.Record(actor, AccessAction.Update, resource, family.Id, read.Subjects.Select(s => s with { Allowed = false }));
            throw;
        }
        if (events.Count == 0)
        {
            gate.NothingShown();
            return new ItemChangedResponse(itemId, version);
        }
        gate.Record(actor, AccessAction.Update, resource, family.Id, read.Subjects);
        stream.AppendMany(events);
        await gate.SaveAsync(ct);
        return new ItemChangedResponse(itemId, version + events.Count);
    }
}
