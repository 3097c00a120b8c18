using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Items.GetItem;

public sealed record GetItem(Actor Actor, Guid ItemId) : IQuery<ItemView>;

/// <summary>An item's history: posted, corrected (each earlier text), entered in error, shown on a board.</summary>
public sealed record GetItemHistory(Actor Actor, Guid ItemId) : IQuery<ItemHistory>;

public sealed class GetItemHandler(IQuerySession session, FamilyContexts families, Gate gate) :
    IQueryHandler<GetItem, ItemView>, IQueryHandler<GetItemHistory, ItemHistory>
{
    public async ValueTask<ItemView> Handle(GetItem q, CancellationToken ct)
    {
        var (row, family, _) = await gate.ReadItemAsync(q.Actor, new ItemId(q.ItemId), families, ct);
        return row.ToView(q.Actor, family, gate.Now);
    }

    public async ValueTask<ItemHistory> Handle(GetItemHistory q, CancellationToken ct)
    {
        await gate.ReadItemAsync(q.Actor, new ItemId(q.ItemId), families, ct);
        var events = await session.Events.FetchStreamAsync(q.ItemId, token: ct);
        var names = new Dictionary<UserId, string>();
        var changes = new List<ItemChange>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case ItemPosted p:
                    names[p.AuthorId] = p.AuthorName;
                    changes.Add(new ItemChange(e.Version, "posted", p.At, p.AuthorName, p.Text, null, p.BoardId.Value));
                    break;
                case ItemCorrected c:
                    changes.Add(new ItemChange(e.Version, "corrected", c.At, names.GetValueOrDefault(c.By, "?"), c.Text, c.Reason, null));
                    break;
                case ItemEnteredInError x:
                    changes.Add(new ItemChange(e.Version, "entered-in-error", x.At, names.GetValueOrDefault(x.By, "?"), null, x.Reason, null));
                    break;
                case ItemShownOnBoard s:
                    changes.Add(new ItemChange(e.Version, "shown-on-board", s.At, names.GetValueOrDefault(s.By, "?"), null, null, s.BoardId.Value));
                    break;
                case PlanItemRevised r:
                    changes.Add(new ItemChange(e.Version, "revised", r.At, names.GetValueOrDefault(r.By, "?"), r.Text, null, null));
                    break;
                case GoalScaled g:
                    changes.Add(new ItemChange(e.Version, "scaled", g.At, g.Point.ByName, $"{g.Point.Score}", $"{g.Point.On:yyyy-MM-dd}", null));
                    break;
                case ActionStatusSet a:
                    changes.Add(new ItemChange(e.Version, "status-set", a.At, a.ByName, a.Status.ToString(), a.Reason, null));
                    break;
                case ProposalAccepted a:
                    changes.Add(new ItemChange(e.Version, "proposal-accepted", a.At, a.ByName, null, a.Reason, null));
                    break;
                case ProposalDeclined d:
                    changes.Add(new ItemChange(e.Version, "proposal-declined", d.At, d.ByName, null, d.Reason, null));
                    break;
            }
        }
        return new ItemHistory(q.ItemId, changes);
    }
}

public static class GetItemEndpoints
{
    public static void MapGetItem(this RouteGroupBuilder items)
    {
        items.MapGet("/{itemId:guid}", async (Guid itemId, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var view = await m.Send(new GetItem(http.User.ToActor(), itemId), ct);
                Versions.SetETag(http.Response, view.ItemVersion);
                return TypedResults.Ok(view);
            })
            .WithName("GetItem").WithSummary("One item, if the caller may read it (404 otherwise).").ProducesProblem(StatusCodes.Status404NotFound);
        items.MapGet("/{itemId:guid}/history", async (Guid itemId, HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetItemHistory(http.User.ToActor(), itemId), ct)))
            .WithName("GetItemHistory").WithSummary("Everything that happened to an item: posted, corrected, entered in error, linked.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
