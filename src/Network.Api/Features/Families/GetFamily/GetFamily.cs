using Marten;
using Mediator;
using Network.Api.Features.Boards;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Families.GetFamily;

/// <summary>The family as the actor may see it now; with <see cref="AsOf"/> its state on that day.</summary>
public sealed record GetFamily(Actor Actor, Guid FamilyId, DateOnly? AsOf = null) : IQuery<FamilyView>;

public sealed class GetFamilyHandler(IQuerySession session, FamilyContexts families, Gate gate) : IQueryHandler<GetFamily, FamilyView>
{
    public async ValueTask<FamilyView> Handle(GetFamily q, CancellationToken ct)
    {
        var f = await families.LoadAsync(new FamilyId(q.FamilyId), ct) ?? throw gate.NotFound("family");
        var sight = FamilyPolicy.See(q.Actor, f.Family, f.BirthDates, f.Table, gate.Now);
        gate.Require(q.Actor, AccessAction.Read, $"family:{q.FamilyId}", f.Id, sight.Decision);
        var boards = sight.SeesFamily
            ? await session.Query<BoardListing>().Where(b => b.FamilyId == q.FamilyId).OrderBy(b => b.OpenedAt).ToListAsync(ct)
            : [];
        return FamilyViews.Build(f, sight, q.Actor, gate.Now, [.. boards.Where(b => b.ShownTo(q.Actor, f, gate.Now)).OrderBy(b => b.Themed).Select(b => new BoardRef(b.Id, b.Title, b.Themed, b.Closed))], q.AsOf);
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
        .WithSummary("The family as the caller may see it, fact by fact under the authorization table; ?asOf=YYYY-MM-DD answers what was true on that day.")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
