using Marten;
using Mediator;
using Network.Api.Features.AuthorizationTable;
using Network.Api.Features.Boards.PostNote;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;

namespace Network.Api.Features.Boards.PreviewAudience;

/// <summary>Before posting: may the author post this, and who would be able to read it?</summary>
public sealed record AudiencePreview(bool MayPost, IReadOnlyList<string> Reasons, IReadOnlyList<Reader> Readers);

public sealed record PreviewAudience(Actor Actor, Guid BoardId, PostNoteRequest Note) : IQuery<AudiencePreview>;

public sealed class PreviewAudienceHandler(IQuerySession session, AuthDbContext accounts, AccessLogger log, TimeProvider clock)
    : IQueryHandler<PreviewAudience, AudiencePreview>
{
    public async ValueTask<AudiencePreview> Handle(PreviewAudience q, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (_, family, _) = await BoardAccess.ReadAsync(session, log, q.Actor, q.BoardId, now, ct);
        var table = await TableStore.LoadAsync(session, ct);
        var choices = q.Note.ToChoices();
        var facts = new ItemFacts(choices.Category, [.. choices.About], q.Actor.UserId, q.Actor.OrganisationId,
            choices.Audience ?? Audience.DefaultFor(choices.Category));
        var decision = ItemPolicy.Decide(q.Actor, ItemAction.Create, facts, family.Family, family.BirthDates, table, now);
        var readers = await BoardReaders.ForAsync(accounts, family, facts, table, now, ct);
        return new AudiencePreview(decision.Allowed, decision.Reasons, readers);
    }
}

public static class PreviewAudienceEndpoint
{
    public static void MapPreviewAudience(this RouteGroupBuilder boards) => boards
        .MapPost("/{boardId:guid}/audience-preview", async (Guid boardId, PostNoteRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new PreviewAudience(http.User.ToActor(), boardId, body), ct)))
        .WithName("PreviewAudience")
        .WithSummary("Who would be able to read a note with this category, these subjects and this audience, and whether the caller may post it.")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
