using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Boards.CloseBoard;

/// <summary>Closes a themed board: nothing new is posted on it; its items stay readable.</summary>
public sealed record CloseBoard(Actor Actor, Guid BoardId, CloseBoardRequest Close) : ICommand;

public sealed class CloseBoardHandler(IDocumentSession session, FamilyContexts families, Gate gate) : ICommandHandler<CloseBoard>
{
    public async ValueTask<Unit> Handle(CloseBoard c, CancellationToken ct)
    {
        var board = await families.BoardAsync(new BoardId(c.BoardId), ct) ?? throw gate.NotFound("board");
        var f = board.Family;
        var resource = $"board:{c.BoardId}";
        var read = board.Read(c.Actor, gate.Now);
        gate.Guard(c.Actor, AccessAction.Update, resource, f.Id, read);
        IReadOnlyList<object> events;
        try
        {
            events = Board.Close(board.Board, f.Of, c.Actor, c.Close?.Reason, f.Table, gate.Now);
        }
        catch (NotAllowed)
        {
            gate.Record(c.Actor, AccessAction.Update, resource, f.Id, read.Subjects.Select(s => s with { Allowed = false }));
            throw;
        }
        gate.Record(c.Actor, AccessAction.Update, resource, f.Id, read.Subjects);
        if (events.Count == 0) return Unit.Value;
        session.Events.Append(c.BoardId, [.. events]);
        await gate.SaveAsync(ct);
        return Unit.Value;
    }
}

public static class CloseBoardEndpoint
{
    public static void MapCloseBoard(this RouteGroupBuilder boards) => boards
        .MapPost("/{boardId:guid}/close", async (Guid boardId, CloseBoardRequest? body, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CloseBoard(http.User.ToActor(), boardId, body ?? new(null)), ct);
            return TypedResults.NoContent();
        })
        .WithName("CloseBoard")
        .WithSummary("Closes a themed board (not the family's main board): nothing new is posted on it, its items stay readable.")
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
