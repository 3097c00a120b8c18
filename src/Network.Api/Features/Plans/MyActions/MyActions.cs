using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Plans.MyActions;

/// <summary>The actions assigned to the caller across every family they belong to, overdue ones first.</summary>
public sealed record ListMyActions(Actor Actor) : IQuery<IReadOnlyList<MyActionView>>;

public sealed class ListMyActionsHandler(FamilyContexts families, Gate gate) : IQueryHandler<ListMyActions, IReadOnlyList<MyActionView>>
{
    public async ValueTask<IReadOnlyList<MyActionView>> Handle(ListMyActions q, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(gate.Now.UtcDateTime);
        var mine = await gate.MyActionsAsync(q.Actor, families, ct);
        var goals = await gate.GoalTextsAsync(q.Actor, mine, ct);
        return [.. mine
            // In the plan, or one's own proposal still waiting; a declined proposal is no one's action.
            .Where(m => m.Row.Details.InPlan || m.Row.Details.Proposal == ProposalState.Proposed && m.Row.AuthorId == q.Actor.UserId.Value)
            .Select(m => new MyActionView(m.Row.Id, m.Row.Version, m.Family.Id.Value, m.Family.Family.Name, m.Row.Text,
                m.Row.Details.Goal is { } g ? goals.GetValueOrDefault(g) : null, m.Row.Details.Due, m.Row.Details.Status ?? ActionStatus.Open,
                PlanViews.IsOverdue(m.Row.Details, today)))
            .OrderByDescending(a => a.Overdue)
            .ThenBy(a => a.Status is ActionStatus.Done or ActionStatus.Dropped)
            .ThenBy(a => a.Due ?? DateOnly.MaxValue)];
    }
}

public static class MyActionsEndpoint
{
    public static void MapMyActions(this RouteGroupBuilder api) => api
        .MapGet("/my/actions", async (HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListMyActions(http.User.ToActor()), ct)))
        .WithName("ListMyActions")
        .WithSummary("The plan actions assigned to the caller in every family, overdue ones first.");
}
