using Mediator;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Boards.JoinBoard;

/// <summary>Joining a board's live updates: the same decision as reading the board; answers the timeline's position.</summary>
public sealed record JoinBoard(Actor Actor, Guid BoardId) : IQuery<long>;

public sealed class JoinBoardHandler(FamilyContexts families, Gate gate) : IQueryHandler<JoinBoard, long>
{
    public async ValueTask<long> Handle(JoinBoard q, CancellationToken ct)
    {
        var board = await families.BoardAsync(new BoardId(q.BoardId), ct) ?? throw gate.NotFound("board");
        return await gate.JoinBoardAsync(q.Actor, board, ct);
    }
}
