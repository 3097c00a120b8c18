using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Boards.OpenBoard;

/// <summary>Opens a themed board of a family (a child, school, safety, ...); items are shown on it by linking.</summary>
public sealed record OpenBoard(Actor Actor, Guid FamilyId, string? Title, IReadOnlyList<Guid>? About = null) : ICommand<BoardOpenedResponse>;

public sealed class OpenBoardValidator : AbstractValidator<OpenBoard>
{
    public OpenBoardValidator() => RuleFor(c => c.Title).NotEmpty().WithMessage("Geef het bord een titel.").MaximumLength(Board.MaxTitleLength);
}

public sealed class OpenBoardHandler(IDocumentSession session, FamilyContexts families, Gate gate) : ICommandHandler<OpenBoard, BoardOpenedResponse>
{
    public async ValueTask<BoardOpenedResponse> Handle(OpenBoard c, CancellationToken ct)
    {
        var f = await families.LoadAsync(new FamilyId(c.FamilyId), ct) ?? throw gate.NotFound("family");
        var facts = new ItemFacts(InformationCategory.General, [], c.Actor.UserId, c.Actor.OrganisationId, Audience.Everyone);
        gate.Require(c.Actor, AccessAction.Create, $"family:{c.FamilyId}:boards", f.Id,
            ItemPolicy.Decide(c.Actor, ItemAction.Create, facts, f.Family, f.BirthDates, f.Table, gate.Now));
        var id = BoardId.New();
        session.Events.StartStream<Board>(id.Value, [.. Board.OpenThemed(id, f.Of, c.Actor, c.Title!, f.Table, gate.Now, [.. (c.About ?? []).Select(p => new PersonId(p))])]);
        await gate.SaveAsync(ct);
        return new BoardOpenedResponse(id.Value, c.FamilyId);
    }
}

public static class OpenBoardEndpoint
{
    public static void MapOpenBoard(this IEndpointRouteBuilder app) => app
        .MapPost("/api/families/{familyId:guid}/boards", async (Guid familyId, OpenBoardRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var result = await m.Send(new OpenBoard(http.User.ToActor(), familyId, body.Title, body.About), ct);
            return TypedResults.Created($"/api/boards/{result.BoardId}/timeline", result);
        })
        .RequireAuthorization(AuthSetup.ApiPolicy)
        .WithTags("Boards")
        .WithName("OpenBoard")
        .WithSummary("Opens a themed board of a family; items are shown on it by linking, never copied.")
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
}
