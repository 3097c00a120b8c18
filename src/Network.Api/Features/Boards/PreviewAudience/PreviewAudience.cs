using Mediator;
using Network.Api.Features.Items;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Boards.PreviewAudience;

/// <summary>Before posting: may the author post this, and who would be able to read it (as far as the author may know them)?</summary>
public sealed record PreviewAudience(Actor Actor, Guid BoardId, PostItemRequest Item) : IQuery<AudiencePreview>;

public sealed class PreviewAudienceHandler(FamilyContexts families, Npgsql.NpgsqlDataSource db, Gate gate) : IQueryHandler<PreviewAudience, AudiencePreview>
{
    public async ValueTask<AudiencePreview> Handle(PreviewAudience q, CancellationToken ct)
    {
        var board = await families.BoardAsync(new BoardId(q.BoardId), ct) ?? throw gate.NotFound("board");
        var f = board.Family;
        gate.Require(q.Actor, AccessAction.Read, $"board:{q.BoardId}", f.Id, board.Read(q.Actor, gate.Now));
        var facts = ItemDecisions.FactsOf(q.Actor, q.Item.ToChoices());
        var decision = ItemPolicy.Decide(q.Actor, ItemAction.Create, facts, f.Family, f.BirthDates, f.Table, gate.Now);
        var viewer = FamilyPolicy.See(q.Actor, f.Family, f.BirthDates, f.Table, gate.Now);
        var readers = BoardReaders.Among(await BoardReaders.CandidatesAsync(db, f, gate.Now, ct), f, facts, gate.Now)
            .Where(r => r.UserId == q.Actor.UserId || BoardReaders.Known(viewer, r, f, gate.Now))
            .Select(r => new Reader(r.UserId.Value, r.DisplayName, r.Role));
        return new AudiencePreview(decision.Allowed, ReasonView.From(decision.Reasons), [.. readers]);
    }
}

public static class PreviewAudienceEndpoint
{
    public static void MapPreviewAudience(this RouteGroupBuilder boards) => boards
        .MapPost("/{boardId:guid}/audience-preview", async (Guid boardId, PostItemRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new PreviewAudience(http.User.ToActor(), boardId, body), ct)))
        .WithName("PreviewAudience")
        .WithSummary("Who would be able to read an item with this category, these subjects and this audience, and whether the caller may post it.")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
