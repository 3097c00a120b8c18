using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Features.Items;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Boards.GetTimeline;

/// <summary>The board's timeline; with <see cref="SinceVersion"/> only what changed after that version.</summary>
public sealed record GetTimeline(Actor Actor, Guid BoardId, long? SinceVersion) : IQuery<TimelineView>;

public sealed class GetTimelineHandler(FamilyContexts families, Gate gate) : IQueryHandler<GetTimeline, TimelineView>
{
    public async ValueTask<TimelineView> Handle(GetTimeline q, CancellationToken ct)
    {
        var board = await families.BoardAsync(new BoardId(q.BoardId), ct) ?? throw gate.NotFound("board");
        var read = await gate.ReadBoardAsync(q.Actor, board, q.SinceVersion ?? 0, ct);
        var f = board.Family;
        var sight = FamilyPolicy.See(q.Actor, f.Family, f.BirthDates, f.Table, gate.Now);
        var memo = gate.Memo(q.Actor, f);
        return new TimelineView(
            q.BoardId, f.Id.Value, f.Family.Name, board.Board.Title, read.Position,
            [.. sight.Children.Where(c => c.Full).Select(c => new PersonRef(c.Child.Value, f.NameOf(c.Child)))],
            [.. read.Items.Select(i => i.Row.ToView(q.Actor, f, gate.Now, memo))],
            read.OtherBoards);
    }
}

public static class GetTimelineEndpoint
{
    public static void MapGetTimeline(this RouteGroupBuilder boards) => boards
        .MapGet("/{boardId:guid}/timeline", async Task<Ok<TimelineView>> (
            Guid boardId, long? since, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var view = await mediator.Send(new GetTimeline(http.User.ToActor(), boardId, since), ct);
            Versions.SetETag(http.Response, view.Version);
            return TypedResults.Ok(view);
        })
        .WithName("GetTimeline")
        .WithSummary("A board's timeline, or what changed since a version (?since=N): only the items the caller may read.")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
