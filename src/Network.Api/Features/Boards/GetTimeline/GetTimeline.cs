using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Features.AuthorizationTable;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;
using Network.Domain.Authorization;

namespace Network.Api.Features.Boards.GetTimeline;

public sealed record ChildRef(Guid PersonId, string Name);

/// <summary>A board's timeline; <see cref="Children"/> are the children of the family the caller has standing on.</summary>
public sealed record TimelineView(
    Guid BoardId, Guid FamilyId, string FamilyName, string Title, long Version, IReadOnlyList<ChildRef> Children, IReadOnlyList<TimelineEntry> Entries);

/// <summary>The board's timeline; with <see cref="SinceVersion"/> only what was added after that version.</summary>
public sealed record GetTimeline(Actor Actor, Guid BoardId, long? SinceVersion) : IQuery<TimelineView>;

public sealed class GetTimelineHandler(IQuerySession session, AccessLogger log, TimeProvider clock) : IQueryHandler<GetTimeline, TimelineView>
{
    public async ValueTask<TimelineView> Handle(GetTimeline query, CancellationToken ct)
    {
        var (timeline, family, _) = await BoardAccess.ReadAsync(session, log, query.Actor, query.BoardId, clock.GetUtcNow(), ct);
        var since = query.SinceVersion ?? 0;
        var now = clock.GetUtcNow();
        var children = family.Family.Children
            .Where(c => Standings.OnChild(family.Family, query.Actor, c, family.BirthDates.GetValueOrDefault(c), now).Exists)
            .Select(c => new ChildRef(c.Value, family.People.TryGetValue(c, out var p) ? p.Details.Name.Display : "?"))
            .ToList();
        // Every item goes through the same decision: what the actor may not read is not there for them.
        var table = await TableStore.LoadAsync(session, ct);
        return new TimelineView(
            timeline.Id, timeline.FamilyId, family.Family.Name, timeline.Title, timeline.Version, children,
            [.. timeline.Entries.Where(e => e.Version > since
                && ItemPolicy.Decide(query.Actor, ItemAction.Read, e.ToFacts(), family.Family, family.BirthDates, table, now).Allowed)]);
    }
}

public static class GetTimelineEndpoint
{
    public static void MapGetTimeline(this RouteGroupBuilder boards) => boards
        .MapGet("/{boardId:guid}/timeline", async Task<Ok<TimelineView>> (
            Guid boardId, long? since, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var view = await mediator.Send(new GetTimeline(http.User.ToActor(), boardId, since), ct);
            Versions.SetETag(http.Response, view.Version);
            return TypedResults.Ok(view);
        })
        .WithName("GetTimeline")
        .WithSummary("A board's timeline, or what changed since a version (?since=N).")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
