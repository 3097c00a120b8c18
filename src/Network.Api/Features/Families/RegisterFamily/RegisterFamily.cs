using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Families.RegisterFamily;

/// <summary>A professional registers a family; they become its coordinator and the family gets its main board.</summary>
public sealed record RegisterFamily(Actor Actor, string? Name) : ICommand<FamilyRegisteredResponse>;

public sealed class RegisterFamilyValidator : AbstractValidator<RegisterFamily>
{
    public RegisterFamilyValidator() => RuleFor(c => c.Name).NotEmpty().WithMessage("Geef het gezin een naam, bijvoorbeeld Gezin De Boer.").MaximumLength(200);
}

public sealed class RegisterFamilyHandler(IDocumentSession session, Gate gate) : ICommandHandler<RegisterFamily, FamilyRegisteredResponse>
{
    public async ValueTask<FamilyRegisteredResponse> Handle(RegisterFamily c, CancellationToken ct)
    {
        var familyId = FamilyId.New();
        gate.Require(c.Actor, AccessAction.Create, $"family:{familyId}", familyId,
            AdminPolicy.Register(c.Actor).About([new SubjectOutcome(null, AccessBasis.Registrant, c.Actor.IsProfessional)]));
        var events = FamilyDecisions.Register(familyId, c.Name!, c.Actor, gate.Now);
        var family = events.Aggregate((Family?)null, Family.Evolve)!;
        var boardId = BoardId.New();
        session.Events.StartStream<Family>(familyId.Value, [.. events]);
        session.Events.StartStream<Board>(boardId.Value, [.. Board.Open(boardId, family, $"Gezinsbord {family.Name.Replace("Gezin ", "")}", gate.Now)]);
        await gate.SaveAsync(ct);
        return new FamilyRegisteredResponse(familyId.Value, boardId.Value, events.Count);
    }
}

public static class RegisterFamilyEndpoint
{
    public static void MapRegisterFamily(this RouteGroupBuilder families) => families
        .MapPost("/", async Task<Created<FamilyRegisteredResponse>> (RegisterFamilyRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            Infrastructure.Http.Versions.RefuseOnCreate(http.Request);
            var result = await mediator.Send(new RegisterFamily(http.User.ToActor(), body.Name), ct);
            Infrastructure.Http.Versions.SetETag(http.Response, result.Version);
            return TypedResults.Created($"/api/families/{result.FamilyId}", result);
        })
        .WithName("RegisterFamily")
        .WithSummary("Registers a family with its main board; the registering professional coordinates.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);
}
