using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Network.Api.Features.Items;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Documents;

/// <summary>A document posted on a board: the file is already stored; the item decides like any other.</summary>
public sealed record PostDocument(
    Actor Actor, Guid BoardId, DocumentFile File, string? Text, string? Category, IReadOnlyList<string> About, string? Audience,
    IReadOnlyList<string> Named) : ICommand<ItemPostedResponse>;

public sealed class PostDocumentValidator : AbstractValidator<PostDocument>
{
    public PostDocumentValidator()
    {
        RuleFor(c => c.Text).Must(t => t is null || t.Trim().Length <= Item.MaxTextLength).WithMessage($"Een tekst heeft hoogstens {Item.MaxTextLength} tekens.");
        RuleFor(c => c.Category).Must(c => c is null || Enum.TryParse<InformationCategory>(c, true, out _)).WithMessage("Kies een soort informatie.");
        RuleFor(c => c.Audience).Must(a => a is null || Enum.TryParse<AudienceKind>(a, true, out _)).WithMessage("Kies voor wie het is.");
        RuleFor(c => c.About).Must(a => a.All(id => Guid.TryParse(id, out var g) && g != Guid.Empty)).WithMessage("Kies gezinsleden uit dit gezin.");
        RuleFor(c => c.Named).Must(a => a.All(id => Guid.TryParse(id, out var g) && g != Guid.Empty)).WithMessage("Kies mensen uit het netwerk.");
    }
}

/// <summary>
/// Before a file streams in: whether the board exists for the actor at all (404 otherwise, logged
/// as refused), so nobody outside the family makes the server store a file first.
/// </summary>
public sealed record CheckBoardForUpload(Actor Actor, Guid BoardId) : IQuery<bool>;

/// <summary>A new version of a document (If-Match): the earlier versions stay in its history and can still be downloaded.</summary>
public sealed record AddDocumentVersion(Actor Actor, Guid ItemId, long? ExpectedVersion, DocumentFile File) : ICommand<ItemChangedResponse>;

/// <summary>A document's file (a version of it) for download or preview: only through the item's read decision, logged as an export.</summary>
public sealed record OpenDocument(Actor Actor, Guid ItemId, int? Version, bool Preview) : IQuery<DocumentFile>;

public sealed class OpenDocumentValidator : AbstractValidator<OpenDocument>
{
    public OpenDocumentValidator() => RuleFor(q => q.Version).GreaterThan(0).WithMessage("Een versie is 1 of hoger.");
}

public sealed class DocumentHandlers(ItemWrites writes, FamilyContexts families, Gate gate) :
    IQueryHandler<CheckBoardForUpload, bool>,
    ICommandHandler<PostDocument, ItemPostedResponse>, ICommandHandler<AddDocumentVersion, ItemChangedResponse>, IQueryHandler<OpenDocument, DocumentFile>
{
    public async ValueTask<bool> Handle(CheckBoardForUpload q, CancellationToken ct)
    {
        var board = await families.BoardAsync(new BoardId(q.BoardId), ct) ?? throw gate.NotFound("board");
        gate.Guard(q.Actor, AccessAction.Create, $"board:{q.BoardId}", board.Family.Id, board.Read(q.Actor, gate.Now));
        gate.NothingShown();
        return true;
    }

    public async ValueTask<ItemPostedResponse> Handle(PostDocument c, CancellationToken ct)
    {
        var choices = new ItemChoices(
            c.Category is { } category ? Enum.Parse<InformationCategory>(category, true) : InformationCategory.General,
            [.. c.About.Select(a => new PersonId(Guid.Parse(a)))],
            c.Audience is { } audience ? new Audience(Enum.Parse<AudienceKind>(audience, true), [.. c.Named.Select(n => new UserId(Guid.Parse(n)))]) : null);
        return await writes.PostAsync(c.Actor, c.BoardId, c.Text ?? "", choices, ct, document: c.File);
    }

    public async ValueTask<ItemChangedResponse> Handle(AddDocumentVersion c, CancellationToken ct) =>
        await writes.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion, (item, f, now) => Conversations.AddVersion(item, f.Of, f.Table, c.Actor, c.File, now), ct);

    public async ValueTask<DocumentFile> Handle(OpenDocument q, CancellationToken ct)
    {
        var (row, _, _) = await gate.ReadItemAsync(q.Actor, new ItemId(q.ItemId), families, ct, AccessAction.Export);
        var versions = row.Details.DocumentVersions ?? [];
        var file = q.Version is { } v ? versions.FirstOrDefault(x => x.Version == v)?.File : row.Details.Document;
        if (file is null) throw gate.NotFound("document");
        if (q.Preview && !ItemViews.Previewable(file.ContentType)) throw new BadRequest("document.no-preview");
        return file;
    }
}

public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api/boards").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Documents");
        boards.MapPost("/{boardId:guid}/documents", async (
                Guid boardId, HttpContext http, IMediator m, IFileStore files, IOptions<DocumentOptions> options, CancellationToken ct) =>
            {
                Versions.RefuseOnCreate(http.Request);
                await m.Send(new CheckBoardForUpload(http.User.ToActor(), boardId), ct);
                var result = await Upload.UseAsync(http.Request, files, options.Value.MaxBytes, upload =>
                    m.Send(new PostDocument(http.User.ToActor(), boardId, upload.ToDocument(), upload.Field("text"),
                        upload.Field("category"), upload.All("about"), upload.Field("audience"), upload.All("named")), ct).AsTask(), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Created($"/api/items/{result.ItemId}", result);
            })
            .WithName("PostDocument")
            .WithSummary("Uploads a document (multipart/form-data: file, text, category, about, audience, named) as an item on a board. PDF, images, Office documents and plain text; the type must match the content; at most Network:Documents:MaxBytes (25 MB).")
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var items = app.MapGroup("/api/items").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Documents");
        items.MapPost("/{itemId:guid}/document/versions", async (
                Guid itemId, HttpContext http, IMediator m, IFileStore files, IOptions<DocumentOptions> options, CancellationToken ct) =>
            {
                var expected = Versions.ExpectedVersion(http.Request);
                var result = await Upload.UseAsync(http.Request, files, options.Value.MaxBytes, upload =>
                    m.Send(new AddDocumentVersion(http.User.ToActor(), itemId, expected, upload.ToDocument()), ct).AsTask(), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Ok(result);
            })
            .WithName("AddDocumentVersion")
            .WithSummary("Adds a new version of a document (multipart/form-data: file; If-Match: the item's version). Earlier versions stay downloadable.")
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        items.MapGet("/{itemId:guid}/document", (Guid itemId, int? version, HttpContext http, IMediator m, IFileStore files, CancellationToken ct) =>
                SendAsync(itemId, version, preview: false, http, m, files, ct))
            .WithName("DownloadDocument")
            .WithSummary("Downloads a document (?version=N for an earlier one) as an attachment; logged as an export. 404 for whoever may not read it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        items.MapGet("/{itemId:guid}/document/preview", (Guid itemId, int? version, HttpContext http, IMediator m, IFileStore files, CancellationToken ct) =>
                SendAsync(itemId, version, preview: true, http, m, files, ct))
            .WithName("PreviewDocument")
            .WithSummary("Shows an image or PDF document in the browser (inline); logged as an export.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> SendAsync(Guid itemId, int? version, bool preview, HttpContext http, IMediator m, IFileStore files, CancellationToken ct)
    {
        var file = await m.Send(new OpenDocument(http.User.ToActor(), itemId, version, preview), ct);
        var response = http.Response;
        response.ContentType = file.ContentType.StartsWith("text/", StringComparison.Ordinal) ? $"{file.ContentType}; charset=utf-8" : file.ContentType;
        response.ContentLength = file.Size;
        var disposition = new ContentDispositionHeaderValue(preview ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        response.Headers.ContentSecurityPolicy = file.ContentType == "application/pdf" ? "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'" : "default-src 'none'; img-src 'self'; sandbox";
        await files.CopyToAsync(file.FileId, response.Body, ct);
        return Results.Empty;
    }
}
