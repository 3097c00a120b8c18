using Marten;
using Mediator;
using Network.Api.Features.AuthorizationTable;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;

namespace Network.Api.Features.Boards.Why;

/// <summary>An explanation of a decision for the person it concerns.</summary>
public sealed record Explanation(bool Allowed, IReadOnlyList<string> Reasons);

/// <summary>
/// "Why can I (not) see this?" for a board, or an item on it. Explains only what the caller may
/// know: a board or item they may not know exists answers 404, like one that does not exist.
/// </summary>
public sealed record ExplainAccess(Actor Actor, Guid BoardId, Guid? ItemId) : IQuery<Explanation>;

public sealed class ExplainAccessHandler(IQuerySession session, AccessLogger log, TimeProvider clock) : IQueryHandler<ExplainAccess, Explanation>
{
    public async ValueTask<Explanation> Handle(ExplainAccess q, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (timeline, family, boardDecision) = await BoardAccess.ReadAsync(session, log, q.Actor, q.BoardId, now, ct);
        if (q.ItemId is null) return new Explanation(boardDecision.Allowed, boardDecision.Reasons);

        var entry = timeline.Entries.FirstOrDefault(e => e.ItemId == q.ItemId) ?? throw new ResourceNotFound("item");
        var table = await TableStore.LoadAsync(session, ct);
        var decision = ItemPolicy.Decide(q.Actor, ItemAction.Read, entry.ToFacts(), family.Family, family.BirthDates, table, now);
        if (!decision.Allowed) throw new ResourceNotFound("item");
        return new Explanation(true, decision.Reasons);
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
