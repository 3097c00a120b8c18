using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;

namespace Network.Api.Features.Families.ListMyFamilies;

public sealed record FamilySummary(Guid FamilyId, string Name, bool IsCoordinator);

public sealed record ListMyFamilies(Actor Actor) : IQuery<IReadOnlyList<FamilySummary>>;

/// <summary>The families the actor is connected to: as family member, or as professional in its network (consent pending included).</summary>
public sealed class ListMyFamiliesHandler(IQuerySession session, AccessLogger log, TimeProvider clock) : IQueryHandler<ListMyFamilies, IReadOnlyList<FamilySummary>>
{
    public async ValueTask<IReadOnlyList<FamilySummary>> Handle(ListMyFamilies q, CancellationToken ct)
    {
        if (q.Actor.Role is ActorRole.FunctionalAdministrator or ActorRole.ContractManager) return [];
        var families = (await FamilyContext.ConnectedToAsync(session, q.Actor, ct))
            .Where(f => FamilyView.IsConnected(f.Family, q.Actor, clock.GetUtcNow()))
            .ToList();
        foreach (var family in families) await log.FamilyAsync(q.Actor, AccessAction.Search, "families:list", family, ct);
        return [.. families
            .OrderBy(f => f.Family.Name)
            .Select(f => new FamilySummary(f.Family.Id.Value, f.Family.Name, f.Family.Coordinator == q.Actor.UserId))];
    }
}

public static class ListMyFamiliesEndpoint
{
    public static void MapListMyFamilies(this RouteGroupBuilder families) => families
        .MapGet("/", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMyFamilies(http.User.ToActor()), ct)))
        .WithName("ListMyFamilies")
        .WithSummary("The families the caller is connected to.");
}
