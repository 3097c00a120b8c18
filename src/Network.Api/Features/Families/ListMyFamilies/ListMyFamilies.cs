using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Families.ListMyFamilies;

public sealed record ListMyFamilies(Actor Actor) : IQuery<IReadOnlyList<FamilySummary>>;

/// <summary>
/// The families that exist for the actor (<see cref="FamilyPolicy.Knows"/>): with standing, or with
/// an invitation waiting for consent. When standing ends, the family leaves the list.
/// </summary>
public sealed class ListMyFamiliesHandler(FamilyContexts families, Gate gate) : IQueryHandler<ListMyFamilies, IReadOnlyList<FamilySummary>>
{
    public async ValueTask<IReadOnlyList<FamilySummary>> Handle(ListMyFamilies q, CancellationToken ct)
    {
        gate.NothingShown();
        var result = new List<FamilySummary>();
        foreach (var f in await families.ConnectedToAsync(q.Actor, ct))
        {
            if (!FamilyPolicy.Knows(q.Actor, f.Family, f.BirthDates, gate.Now)) continue;
            var standing = Standings.OnFamily(f.Family, q.Actor, f.BirthDates, gate.Now);
            gate.Record(q.Actor, AccessAction.Search, "families:list", f.Id,
                [new SubjectOutcome(null, standing.Exists ? standing.Basis : AccessBasis.Consent, true)]);
            result.Add(new FamilySummary(f.Id.Value, f.Family.Name, f.Family.Coordinator == q.Actor.UserId, !standing.Exists));
        }
        return [.. result.OrderBy(s => s.Name)];
    }
}

public static class ListMyFamiliesEndpoint
{
    public static void MapListMyFamilies(this RouteGroupBuilder families) => families
        .MapGet("/", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMyFamilies(http.User.ToActor()), ct)))
        .WithName("ListMyFamilies")
        .WithSummary("The families the caller has standing in, or is invited to and waiting for consent.");
}
