using Marten;
using Mediator;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;

namespace Network.Api.Features.Boards.ListMyBoards;

public sealed record BoardSummary(Guid Id, Guid FamilyId, string FamilyName, string Title, long Version);

public sealed record ListMyBoards(Actor Actor) : IQuery<IReadOnlyList<BoardSummary>>;

public sealed class ListMyBoardsHandler(IQuerySession session, AccessLogger log, TimeProvider clock)
    : IQueryHandler<ListMyBoards, IReadOnlyList<BoardSummary>>
{
    public async ValueTask<IReadOnlyList<BoardSummary>> Handle(ListMyBoards query, CancellationToken ct)
    {
        // The database narrows to the families the actor is connected to; the policy decides per family.
        var now = clock.GetUtcNow();
        var allowed = (await FamilyContext.ConnectedToAsync(session, query.Actor, ct))
            .Where(f => BoardPolicy.Decide(query.Actor, BoardAction.Read, f.Family, f.BirthDates, now).Allowed)
            .ToList();
        foreach (var family in allowed) await log.FamilyAsync(query.Actor, AccessAction.Search, "boards:list", family, ct);
        var visible = allowed.ToDictionary(f => f.Family.Id.Value, f => f.Family.Name);
        if (visible.Count == 0) return [];

        var familyIds = visible.Keys.ToArray();
        var boards = await session.Query<BoardTimeline>()
            .Where(b => b.FamilyId.IsOneOf(familyIds))
            .OrderBy(b => b.Title)
            .Select(b => new { b.Id, b.FamilyId, b.Title, b.Version })
            .ToListAsync(ct);
        return [.. boards.Select(b => new BoardSummary(b.Id, b.FamilyId, visible[b.FamilyId], b.Title, b.Version))];
    }
}

public static class ListMyBoardsEndpoint
{
    public static void MapListMyBoards(this RouteGroupBuilder boards) => boards
        .MapGet("/", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMyBoards(http.User.ToActor()), ct)))
        .WithName("ListMyBoards")
        .WithSummary("The boards of the families the caller belongs to.");
}
