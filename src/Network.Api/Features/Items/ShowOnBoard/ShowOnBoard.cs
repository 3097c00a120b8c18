using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Items.ShowOnBoard;

/// <summary>Shows an item on another board of its family as well: linked, never copied.</summary>
public sealed record ShowItemOnBoard(Actor Actor, Guid ItemId, Guid BoardId, long? ExpectedVersion) : ICommand<ItemChangedResponse>;

public sealed class ShowItemOnBoardHandler(IDocumentSession session, ItemWrites items) : ICommandHandler<ShowItemOnBoard, ItemChangedResponse>
{
    public async ValueTask<ItemChangedResponse> Handle(ShowItemOnBoard c, CancellationToken ct)
    {
        var board = await session.LoadAsync<Board>(new BoardId(c.BoardId), ct);
        return await items.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion, (item, f, now) =>
            board is null || !FamilyPolicy.ReadBoard(c.Actor, f.Family, f.BirthDates, f.Table, now, board.About).Allowed
                ? throw new ResourceNotFound("board")
                : ItemDecisions.ShowOn(item, board, f.Of, f.Table, c.Actor, now), ct);
    }
}

public static class ShowOnBoardEndpoint
{
    public static void MapShowOnBoard(this RouteGroupBuilder items) => items
        .MapPost("/{itemId:guid}/boards", async (Guid itemId, ShowOnBoardRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var result = await m.Send(new ShowItemOnBoard(http.User.ToActor(), itemId, body.BoardId, Versions.ExpectedVersion(http.Request)), ct);
            Versions.SetETag(http.Response, result.ItemVersion);
            return TypedResults.Ok(result);
        })
        .WithName("ShowItemOnBoard")
        .WithSummary("Shows one's own item on another board of the same family too (linked, not copied).")
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
