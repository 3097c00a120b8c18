using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Boards.Why;

/// <summary>
/// "Why can I see this?" for a board, or an item on it. Explains only what the caller may know: a
/// board or item they may not know exists answers 404, like one that does not exist.
/// </summary>
public sealed record ExplainAccess(Actor Actor, Guid BoardId, Guid? ItemId) : IQuery<Explanation>;

public sealed class ExplainAccessHandler(FamilyContexts families, Gate gate) : IQueryHandler<ExplainAccess, Explanation>
{
    public async ValueTask<Explanation> Handle(ExplainAccess q, CancellationToken ct)
    {
        if (q.ItemId is { } itemId)
        {
            var (row, _, decision) = await gate.ReadItemAsync(q.Actor, new ItemId(itemId), families, ct);
            // The family's main board shows the items of all its boards.
            var on = await families.BoardAsync(new BoardId(q.BoardId), ct);
            if (on is null || on.Board.FamilyId.Value != row.FamilyId || (on.Board.Themed && !row.Boards.Contains(q.BoardId)))
                throw new ResourceNotFound("item");
            return new Explanation(true, ReasonView.From(decision.Reasons));
        }
        var board = await families.BoardAsync(new BoardId(q.BoardId), ct) ?? throw gate.NotFound("board");
        var f = board.Family;
        var read = gate.Require(q.Actor, AccessAction.Read, $"board:{q.BoardId}", f.Id, board.Read(q.Actor, gate.Now));
        return new Explanation(true, ReasonView.From(read.Reasons));
    }
}

public static class WhyEndpoints
{
    public static void MapWhy(this RouteGroupBuilder boards)
    {
        boards.MapGet("/{boardId:guid}/why", async (Guid boardId, HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ExplainAccess(http.User.ToActor(), boardId, null), ct)))
            .WithName("ExplainBoardAccess").WithSummary("Why the caller can see this board.").ProducesProblem(StatusCodes.Status404NotFound);
        boards.MapGet("/{boardId:guid}/items/{itemId:guid}/why", async (Guid boardId, Guid itemId, HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ExplainAccess(http.User.ToActor(), boardId, itemId), ct)))
            .WithName("ExplainItemAccess").WithSummary("Why the caller can see this item.").ProducesProblem(StatusCodes.Status404NotFound);
    }
}
