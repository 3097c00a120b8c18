using Marten;
using Mediator;
using Network.Api.Features.Boards;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;
using Network.Domain.Authorization;
using Network.Domain.Common;

namespace Network.Api.Features.Families.GetFamily;

/// <summary>The family as the actor may see it now; with <see cref="AsOf"/> its state on that day.</summary>
public sealed record GetFamily(Actor Actor, Guid FamilyId, DateOnly? AsOf = null) : IQuery<FamilyViewDto>;

public sealed class GetFamilyHandler(IQuerySession session, AccessLogger log, TimeProvider clock) : IQueryHandler<GetFamily, FamilyViewDto>
{
    public async ValueTask<FamilyViewDto> Handle(GetFamily q, CancellationToken ct)
    {
        var context = await FamilyContext.LoadAsync(session, new FamilyId(q.FamilyId), ct);
        if (context is null) throw new ResourceNotFound("family");
        await log.FamilyAsync(q.Actor, AccessAction.Read, $"family:{q.FamilyId}", context, ct);
        if (!FamilyView.IsConnected(context.Family, q.Actor, clock.GetUtcNow())) throw new ResourceNotFound("family");
        var state = await session.Events.FetchStreamStateAsync(q.FamilyId, ct);
        var board = await session.Query<BoardTimeline>().Where(b => b.FamilyId == q.FamilyId).Select(b => b.Id).FirstOrDefaultAsync(ct);
        return FamilyView.Build(context, q.Actor, clock.GetUtcNow(), state?.Version ?? 0, board == Guid.Empty ? null : board, q.AsOf);
    }
}

public static class GetFamilyEndpoint
{
    public static void MapGetFamily(this RouteGroupBuilder families) => families
        .MapGet("/{familyId:guid}", async (Guid familyId, DateOnly? asOf, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var view = await mediator.Send(new GetFamily(http.User.ToActor(), familyId, asOf), ct);
            Versions.SetETag(http.Response, view.Version);
            return TypedResults.Ok(view);
        })
        .WithName("GetFamily")
        .WithSummary("The family as the caller may see it: children per standing, gezag, measures, placements, network and consent; ?asOf=YYYY-MM-DD answers what was true on that day.")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
