using FluentValidation;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Items.CorrectItem;

/// <summary>The author corrects the text of their own item; the earlier text stays in its history.</summary>
public sealed record CorrectItem(Actor Actor, Guid ItemId, string? Text, string? Reason, long? ExpectedVersion) : ICommand<ItemChangedResponse>;

/// <summary>The author marks their own item as entered in error, with a reason.</summary>
public sealed record MarkEnteredInError(Actor Actor, Guid ItemId, string? Reason, long? ExpectedVersion) : ICommand<ItemChangedResponse>;

public sealed class CorrectItemValidator : AbstractValidator<CorrectItem>
{
    public CorrectItemValidator()
    {
        RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf een tekst.")
            .Must(t => t is null || t.Trim().Length <= Item.MaxTextLength).WithMessage($"Een tekst heeft hoogstens {Item.MaxTextLength} tekens.");
        RuleFor(c => c.Reason).MaximumLength(Item.MaxReasonLength);
    }
}

public sealed class MarkEnteredInErrorValidator : AbstractValidator<MarkEnteredInError>
{
    public MarkEnteredInErrorValidator() =>
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Zeg waarom dit onjuist is ingevoerd.")
            .MaximumLength(Item.MaxReasonLength);
}

public sealed class CorrectItemHandler(ItemWrites items) :
    ICommandHandler<CorrectItem, ItemChangedResponse>, ICommandHandler<MarkEnteredInError, ItemChangedResponse>
{
    public ValueTask<ItemChangedResponse> Handle(CorrectItem c, CancellationToken ct) => new(items.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
        (item, f, now) => ItemDecisions.Correct(item, f.Of, f.Table, c.Actor, c.Text!, c.Reason, now), ct));

    public ValueTask<ItemChangedResponse> Handle(MarkEnteredInError c, CancellationToken ct) => new(items.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
        (item, f, now) => ItemDecisions.MarkEnteredInError(item, f.Of, f.Table, c.Actor, c.Reason!, now), ct));
}

public static class CorrectItemEndpoints
{
    public static void MapCorrectItem(this RouteGroupBuilder items)
    {
        items.MapPut("/{itemId:guid}", async (Guid itemId, CorrectItemRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new CorrectItem(http.User.ToActor(), itemId, body.Text, body.Reason, Versions.ExpectedVersion(http.Request)), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Ok(result);
            })
            .WithName("CorrectItem")
            .WithSummary("Corrects the text of one's own item. Send If-Match with the item's ETag: a stale one answers 412 and changes nothing.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        items.MapPost("/{itemId:guid}/entered-in-error", async (Guid itemId, EnteredInErrorRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new MarkEnteredInError(http.User.ToActor(), itemId, body.Reason, Versions.ExpectedVersion(http.Request)), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Ok(result);
            })
            .WithName("MarkItemEnteredInError")
            .WithSummary("Marks one's own item as entered in error, with a reason; it stays in the history, struck through.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
