using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Items.PostItem;

/// <summary>Posts a new item on a board: it gets its own stream; two people posting at once both succeed.</summary>
public sealed record PostItem(Actor Actor, Guid BoardId, PostItemRequest Item) : ICommand<ItemPostedResponse>;

public sealed class PostItemValidator : AbstractValidator<PostItem>
{
    public PostItemValidator()
    {
        RuleFor(c => c.Item).NotNull().WithMessage("Stuur een bericht mee.");
        RuleFor(c => c.Item.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf een tekst.")
            .Must(t => t is null || t.Trim().Length <= Item.MaxTextLength).WithMessage($"Een tekst heeft hoogstens {Item.MaxTextLength} tekens.")
            .OverridePropertyName("Text").When(c => c.Item is not null);
        RuleFor(c => c.Item.Category).IsInEnum().OverridePropertyName("Category").When(c => c.Item is not null);
        RuleFor(c => c.Item.Audience).IsInEnum().OverridePropertyName("Audience").When(c => c.Item is not null);
        RuleFor(c => c.Item.About).Must(a => a is null || a.All(id => id != Guid.Empty)).WithMessage("Kies gezinsleden uit dit gezin.")
            .OverridePropertyName("About").When(c => c.Item is not null);
    }
}

public sealed class PostItemHandler(ItemWrites writes) : ICommandHandler<PostItem, ItemPostedResponse>
{
    public async ValueTask<ItemPostedResponse> Handle(PostItem c, CancellationToken ct) =>
        await writes.PostAsync(c.Actor, c.BoardId, c.Item.Text!, c.Item.ToChoices(), ct);
}

public static class PostItemEndpoint
{
    public static void MapPostItem(this RouteGroupBuilder boards)
    {
        // "notes" is the first item kind's own address; both post the same item.
        foreach (var path in new[] { "/{boardId:guid}/items", "/{boardId:guid}/notes" })
            // Posted often and in a hurry: its account check rides in the board's round trip.
            AccountCheckInFirstBatch.On(boards.MapPost(path, async Task<Created<ItemPostedResponse>> (
                    Guid boardId, PostItemRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
                {
                    Versions.RefuseOnCreate(http.Request);
                    var result = await mediator.Send(new PostItem(http.User.ToActor(), boardId, body), ct);
                    Versions.SetETag(http.Response, result.ItemVersion);
                    return TypedResults.Created($"/api/items/{result.ItemId}", result);
                }))
                .WithName(path.EndsWith("notes") ? "PostNote" : "PostItem")
                .WithSummary("Posts an item (a note) on a board with its category, subjects and audience. Concurrent posts all succeed; If-Match is refused (there is nothing to overwrite).")
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
