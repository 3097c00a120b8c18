using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;
using Network.Api.Infrastructure.Marten;

namespace Network.Api.Features.Plans.PublishVersion;

/// <summary>The coordinator publishes what the plan holds now as its next version.</summary>
public sealed record PublishPlanVersion(Actor Actor, Guid FamilyId) : ICommand<PlanVersionPublished>;

public sealed class PublishPlanVersionHandler(IDocumentSession session, FamilyContexts families, Gate gate) : ICommandHandler<PublishPlanVersion, PlanVersionPublished>
{
    public async ValueTask<PlanVersionPublished> Handle(PublishPlanVersion c, CancellationToken ct)
    {
        var f = await families.LoadAsync(new FamilyId(c.FamilyId), ct) ?? throw gate.NotFound("plan");
        var id = ItemId.New();
        var decision = FamilyPolicy.ReadBoard(c.Actor, f.Family, f.BirthDates, f.Table, gate.Now);
        gate.Guard(c.Actor, AccessAction.Create, $"plan:{c.FamilyId}", f.Id, decision);
        var board = await PlanBoards.MainAsync(session, f.Id, ct) ?? throw gate.NotFound("plan");

        // The version holds the whole plan; each reader later sees only the entries they may read.
        var rows = await gate.PlanSnapshotAsync(f, ct);
        var items = (await session.LatestAsync<Item>(rows.Select(r => r.Id), ct)).ToDictionary(i => i.Id.Value);
        var plan = rows.Where(r => items.ContainsKey(r.Id)).Select(r => (items[r.Id], r.Version));
        var previous = rows.Where(r => r.Kind == ItemKind.PlanVersion).Select(r => r.Details.Version).OfType<PlanVersionFields>()
            .MaxBy(v => v.Number);

        IReadOnlyList<object> events;
        try
        {
            events = PlanDecisions.Publish(board, f.Of, f.Table, c.Actor, id, plan, previous, gate.Now);
        }
        catch (NotAllowed)
        {
            gate.Record(c.Actor, AccessAction.Create, $"item:{id}", f.Id, decision.Subjects.Select(s => s with { Allowed = false }));
            throw;
        }
        gate.Record(c.Actor, AccessAction.Create, $"item:{id}", f.Id, decision.Subjects);
        session.Events.StartStream<Item>(id.Value, [.. events]);
        await gate.SaveAsync(ct);
        return new PlanVersionPublished(id.Value, ((ItemPosted)events[0]).Version!.Number);
    }
}

public static class PublishVersionEndpoint
{
    public static void MapPublishVersion(this RouteGroupBuilder api) => api
        .MapPost("/families/{familyId:guid}/plan/versions", async Task<Created<PlanVersionPublished>> (Guid familyId, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            Versions.RefuseOnCreate(http.Request);
            var result = await m.Send(new PublishPlanVersion(http.User.ToActor(), familyId), ct);
            return TypedResults.Created($"/api/families/{familyId}/plan", result);
        })
        .WithName("PublishPlanVersion")
        .WithSummary("The coordinator publishes the plan as it is now as its next version; one that changes nothing is refused.")
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
