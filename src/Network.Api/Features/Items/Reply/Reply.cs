using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Items.Reply;

/// <summary>
/// A reply under an item (no If-Match: nothing is overwritten). Two replies to one item in the same
/// instant may meet on the item's stream: the later one answers 409 and is simply sent again.
/// </summary>
public sealed record PostReply(Actor Actor, Guid ItemId, PostReplyRequest Reply) : ICommand<ItemChangedResponse>;

public sealed class PostReplyValidator : AbstractValidator<PostReply>
{
    public PostReplyValidator()
    {
        RuleFor(c => c.Reply).NotNull().WithMessage("Stuur een reactie mee.");
        RuleFor(c => c.Reply.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf een reactie.")
            .Must(t => t is null || t.Trim().Length <= Item.MaxTextLength).WithMessage($"Een reactie heeft hoogstens {Item.MaxTextLength} tekens.")
            .OverridePropertyName("Text").When(c => c.Reply is not null);
    }
}

public sealed class PostReplyHandler(IDocumentSession session, FamilyContexts families, Gate gate) : ICommandHandler<PostReply, ItemChangedResponse>
{
    public async ValueTask<ItemChangedResponse> Handle(PostReply c, CancellationToken ct)
    {
        var item = await session.Events.FetchLatest<Item>(c.ItemId, ct) ?? throw gate.NotFound("item");
        var family = await families.LoadAsync(item.FamilyId, ct) ?? throw gate.NotFound("item");
        var resource = $"item:{c.ItemId}";
        var read = ItemPolicy.Decide(c.Actor, ItemAction.Read, item.Facts, family.Family, family.BirthDates, family.Table, gate.Now);
        gate.Guard(c.Actor, AccessAction.Update, resource, family.Id, read);
        IReadOnlyList<object> events;
        try
        {
            events = Conversations.Reply(item, family.Of, family.Table, c.Actor, Guid.CreateVersion7(), c.Reply.Text!, gate.Now);
        }
        catch (NotAllowed)
        {
            gate.Record(c.Actor, AccessAction.Update, resource, family.Id, read.Subjects.Select(s => s with { Allowed = false }));
            throw;
        }
        gate.Record(c.Actor, AccessAction.Update, resource, family.Id, read.Subjects);
        session.Events.Append(c.ItemId, [.. events]);
        await gate.SaveAsync(ct);
        var state = await session.Events.FetchStreamStateAsync(c.ItemId, ct);
        return new ItemChangedResponse(c.ItemId, state?.Version ?? 0);
    }
}

public static class PostReplyEndpoint
{
    public static void MapPostReply(this RouteGroupBuilder items) => items
        .MapPost("/{itemId:guid}/replies", async (Guid itemId, PostReplyRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var result = await m.Send(new PostReply(http.User.ToActor(), itemId, body), ct);
            Versions.SetETag(http.Response, result.ItemVersion);
            return TypedResults.Ok(result);
        })
        .WithName("PostReply")
        .WithSummary("Replies to an item: whoever may read it and may write general items about the same family members. The reply is read by exactly the item's readers.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
}
