using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Plans.GetPlan;

/// <summary>The family's plan as the caller may read it.</summary>
public sealed record GetPlan(Actor Actor, Guid FamilyId) : IQuery<PlanView>;

public sealed class GetPlanHandler(Marten.IQuerySession session, FamilyContexts families, Gate gate) : IQueryHandler<GetPlan, PlanView>
{
    public async ValueTask<PlanView> Handle(GetPlan q, CancellationToken ct)
    {
        var f = await families.LoadAsync(new FamilyId(q.FamilyId), ct) ?? throw gate.NotFound("plan");
        var (rows, position) = await gate.ReadPlanAsync(q.Actor, f, ct);
        var board = await PlanBoards.MainAsync(session, f.Id, ct);
        return PlanViews.Build(q.Actor, f, [.. rows.Select(r => r.Row)], board?.Id.Value, gate.Now, position);
    }
}

public static class GetPlanEndpoint
{
    public static void MapGetPlan(this RouteGroupBuilder api) => api
        .MapGet("/families/{familyId:guid}/plan", async (Guid familyId, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetPlan(http.User.ToActor(), familyId), ct)))
        .WithName("GetPlan")
        .WithSummary("The family plan as the caller may read it: worries, strengths, goals with actions, proposals, versions with agreement.")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
