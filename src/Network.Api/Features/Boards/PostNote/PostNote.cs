using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;
using Network.Domain.Authorization;
using Network.Domain.Boards;
using Network.Domain.Common;
using Network.Domain.Registry;
using Network.Api.Features.AuthorizationTable;
using Network.Api.Features.Families;

namespace Network.Api.Features.Boards.PostNote;

/// <summary>
/// A note: its text, its information category (default General), the family members it is about
/// (default: the family as a whole) and its audience (default: the category's).
/// </summary>
public sealed record PostNoteRequest(
    string? Text, InformationCategory? Category = null, IReadOnlyList<Guid>? About = null, AudienceKind? Audience = null, IReadOnlyList<Guid>? Named = null)
{
    public Board.NoteChoices ToChoices() => new(
        Category ?? InformationCategory.General,
        [.. (About ?? []).Select(id => new PersonId(id))],
        Audience is { } kind ? new Audience(kind, [.. (Named ?? []).Select(id => new UserId(id))]) : null);
}

public sealed record NotePostedResponse(Guid ItemId, Guid BoardId, long Version);

public sealed record PostNote(Actor Actor, Guid BoardId, string? Text, Board.NoteChoices Choices, long? ExpectedVersion) : ICommand<NotePostedResponse>;

public sealed class PostNoteValidator : AbstractValidator<PostNote>
{
    public PostNoteValidator()
    {
        RuleFor(c => c.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf een tekst voor de notitie.")
            .Must(t => t is null || t.Trim().Length <= Board.MaxNoteLength)
            .WithMessage($"Een notitie heeft hoogstens {Board.MaxNoteLength} tekens.");
    }
}

public sealed class PostNoteHandler(IDocumentSession session, AccessLogger log, TimeProvider clock) : ICommandHandler<PostNote, NotePostedResponse>
{
    public async ValueTask<NotePostedResponse> Handle(PostNote command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Board>(command.BoardId, ct);
        var board = stream.Aggregate ?? throw new ResourceNotFound("board");
        var family = await FamilyContext.LoadAsync(session, board.FamilyId, ct) ?? throw new ResourceNotFound("board");

        // Decide (with authorization) before comparing versions: a stale If-Match on a board the
        // actor may not know answers 404, not 412.
        IReadOnlyList<object> events;
        try
        {
            var table = await TableStore.LoadAsync(session, ct);
            events = Board.PostNote(board, family.Family, family.BirthDates, table, command.Actor, ItemId.New(), command.Text!, command.Choices, clock.GetUtcNow());
        }
        finally
        {
            await log.FamilyAsync(command.Actor, AccessAction.Create, $"board:{command.BoardId}", family, ct, [.. command.Choices.About]);
        }
        Versions.Check(command.ExpectedVersion, stream.CurrentVersion ?? 0);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);

        var posted = (NotePosted)events[0];
        return new NotePostedResponse(posted.ItemId.Value, command.BoardId, (stream.StartingVersion ?? 0) + events.Count);
    }
}

public static class PostNoteEndpoint
{
    public static void MapPostNote(this RouteGroupBuilder boards) => boards
        .MapPost("/{boardId:guid}/notes", async Task<Created<NotePostedResponse>> (
            Guid boardId, PostNoteRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var command = new PostNote(http.User.ToActor(), boardId, body.Text, body.ToChoices(), Versions.ExpectedVersion(http.Request));
            var result = await mediator.Send(command, ct);
            Versions.SetETag(http.Response, result.Version);
            return TypedResults.Created($"/api/boards/{boardId}/timeline?since={result.Version - 1}", result);
        })
        .WithName("PostNote")
        .WithSummary("Posts a note on a board. Send If-Match with the board's ETag to avoid overwriting a newer state.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
