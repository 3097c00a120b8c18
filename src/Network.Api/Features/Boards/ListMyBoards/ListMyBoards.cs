using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Boards.ListMyBoards;

public sealed record ListMyBoards(Actor Actor) : IQuery<IReadOnlyList<BoardSummary>>;

/// <summary>The boards of the families whose boards the actor may read, by the same decision as reading one.</summary>
public sealed class ListMyBoardsHandler(IQuerySession session, FamilyContexts families, Gate gate) : IQueryHandler<ListMyBoards, IReadOnlyList<BoardSummary>>
{
    public async ValueTask<IReadOnlyList<BoardSummary>> Handle(ListMyBoards q, CancellationToken ct)
    {
        var visible = new Dictionary<Guid, FamilyContext>();
        foreach (var f in await families.ConnectedToAsync(q.Actor, ct))
        {
            var decision = FamilyPolicy.ReadBoard(q.Actor, f.Family, f.BirthDates, f.Table, gate.Now);
            if (!decision.Allowed) continue;
            gate.Record(q.Actor, AccessAction.Search, "boards:list", f.Id, decision.Subjects);
            visible[f.Id.Value] = f;
        }
        gate.NothingShown();
        if (visible.Count == 0) return [];
        var ids = visible.Keys.ToArray();
        var boards = await session.Query<BoardListing>().Where(b => b.FamilyId.IsOneOf(ids)).ToListAsync(ct);
        return [.. boards.Where(b => b.ShownTo(q.Actor, visible[b.FamilyId], gate.Now))
            .OrderBy(b => visible[b.FamilyId].Family.Name).ThenBy(b => b.Themed).ThenBy(b => b.Closed).ThenBy(b => b.OpenedAt)
            .Select(b => new BoardSummary(b.Id, b.FamilyId, visible[b.FamilyId].Family.Name, b.Title, 0, b.Themed, b.Closed))];
    }
}

public static class ListMyBoardsEndpoint
{
    public static void MapListMyBoards(this RouteGroupBuilder boards) => boards
        .MapGet("/", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMyBoards(http.User.ToActor()), ct)))
        .WithName("ListMyBoards")
        .WithSummary("The boards of the families the caller may read.");
}
