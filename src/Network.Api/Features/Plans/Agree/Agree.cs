using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Plans.Agree;

/// <summary>A family member whose agreement counts agrees (akkoord), or not, with a version, with a comment.</summary>
public sealed record AgreeWithVersion(Actor Actor, Guid VersionId, bool? Agrees, string? Comment) : ICommand<ItemPostedResponse>;

public sealed class AgreeWithVersionValidator : AbstractValidator<AgreeWithVersion>
{
    public AgreeWithVersionValidator()
    {
        RuleFor(c => c.Agrees).NotNull().WithMessage("Kies akkoord of niet akkoord.");
        RuleFor(c => c.Comment).MaximumLength(PlanDecisions.MaxTextLength);
    }
}

public sealed class AgreeWithVersionHandler(IDocumentSession session, FamilyContexts families, Gate gate) : ICommandHandler<AgreeWithVersion, ItemPostedResponse>
{
    public async ValueTask<ItemPostedResponse> Handle(AgreeWithVersion c, CancellationToken ct)
    {
        var version = await session.Events.FetchLatest<Item>(c.VersionId, ct);
        if (version is not { Kind: ItemKind.PlanVersion }) throw gate.NotFound("version");
        var f = await families.LoadAsync(version.FamilyId, ct) ?? throw gate.NotFound("version");
        var read = ItemPolicy.Decide(c.Actor, ItemAction.Read, version.Facts, f.Family, f.BirthDates, f.Table, gate.Now);
        gate.Guard(c.Actor, AccessAction.Create, $"item:{c.VersionId}", f.Id, read);
        var board = await PlanBoards.MainAsync(session, f.Id, ct) ?? throw gate.NotFound("version");

        var id = ItemId.New();
        var subjects = c.Actor.PersonId is { } me ? [new SubjectOutcome(me, AccessBasis.FamilyMember, true)] : read.Subjects;
        IReadOnlyList<object> events;
        try
        {
            events = PlanDecisions.Agree(board, f.Of, f.Table, c.Actor, id, version, c.Agrees!.Value, c.Comment, gate.Now);
        }
        catch (NotAllowed)
        {
            gate.Record(c.Actor, AccessAction.Create, $"item:{id}", f.Id, subjects.Select(s => s with { Allowed = false }));
            throw;
        }
        gate.Record(c.Actor, AccessAction.Create, $"item:{id}", f.Id, subjects);
        session.Events.StartStream<Item>(id.Value, [.. events]);
        await gate.SaveAsync(ct);
        return new ItemPostedResponse(id.Value, board.Id.Value, await gate.PositionOfAsync(id, ct), events.Count);
    }
}

public static class AgreeEndpoint
{
    public static void MapAgree(this RouteGroupBuilder api) => api
        .MapPost("/plan/versions/{versionId:guid}/agreement", async Task<Created<ItemPostedResponse>> (
            Guid versionId, AgreeRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            Versions.RefuseOnCreate(http.Request);
            var result = await m.Send(new AgreeWithVersion(http.User.ToActor(), versionId, body.Agrees, body.Comment), ct);
            return TypedResults.Created($"/api/items/{result.ItemId}", result);
        })
        .WithName("AgreeWithPlanVersion")
        .WithSummary("A parent with gezag, or a youth from 12, agrees or disagrees with a plan version, with a comment.")
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
}
