using Marten;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Audit;
using Network.Domain.Authorization;
using Network.Domain.Common;

namespace Network.Api.Features.Boards;

/// <summary>
/// Loads a board for an actor through the board policy. Every read path (timeline, hub join,
/// list) comes through here, so none can skip the decision.
/// </summary>
public static class BoardAccess
{
    public static async Task<(BoardTimeline Timeline, FamilyContext Family, Decision Decision)> ReadAsync(
        IQuerySession session, AccessLogger log, Actor actor, Guid boardId, DateTimeOffset now, CancellationToken ct)
    {
        var timeline = await session.LoadAsync<BoardTimeline>(boardId, ct) ?? throw new ResourceNotFound("board");
        var family = await FamilyContext.LoadAsync(session, new FamilyId(timeline.FamilyId), ct) ?? throw new ResourceNotFound("board");
        var decision = BoardPolicy.Decide(actor, BoardAction.Read, family.Family, family.BirthDates, now);
        await log.FamilyAsync(actor, AccessAction.Read, $"board:{boardId}", family, ct);
        if (!decision.KnowsItExists) throw new ResourceNotFound("board");
        if (!decision.Allowed) throw new NotAllowed(string.Join(" ", decision.Reasons));
        return (timeline, family, decision);
    }
}
