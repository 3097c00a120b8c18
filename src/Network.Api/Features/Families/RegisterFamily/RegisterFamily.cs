using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Boards;
using Network.Domain.Common;
using Network.Domain.Families;

namespace Network.Api.Features.Families.RegisterFamily;

public sealed record RegisterFamilyRequest(string? Name);

public sealed record FamilyRegisteredResponse(Guid FamilyId, Guid BoardId, long Version);

/// <summary>A professional registers a family; they become its coordinator and the family gets its main board.</summary>
public sealed record RegisterFamily(Actor Actor, string? Name) : ICommand<FamilyRegisteredResponse>;

public sealed class RegisterFamilyValidator : AbstractValidator<RegisterFamily>
{
    public RegisterFamilyValidator() => RuleFor(c => c.Name).NotEmpty().WithMessage("Geef het gezin een naam, bijvoorbeeld Gezin De Boer.").MaximumLength(200);
}

public sealed class RegisterFamilyHandler(IDocumentSession session, TimeProvider clock) : ICommandHandler<RegisterFamily, FamilyRegisteredResponse>
{
    public async ValueTask<FamilyRegisteredResponse> Handle(RegisterFamily c, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var familyId = FamilyId.New();
        var events = FamilyDecisions.Register(familyId, c.Name!, c.Actor, now);
        var family = events.Aggregate((Family?)null, Family.Evolve)!;
        var boardId = BoardId.New();
        session.Events.StartStream<Family>(familyId.Value, events.ToArray());
        session.Events.StartStream<Board>(boardId.Value, Board.Open(boardId, family, $"Gezinsbord {family.Name.Replace("Gezin ", "")}", now).ToArray());
        await session.SaveChangesAsync(ct);
        return new FamilyRegisteredResponse(familyId.Value, boardId.Value, events.Count);
    }
}

public static class RegisterFamilyEndpoint
{
    public static void MapRegisterFamily(this RouteGroupBuilder families) => families
        .MapPost("/", async Task<Created<FamilyRegisteredResponse>> (RegisterFamilyRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new RegisterFamily(http.User.ToActor(), body.Name), ct);
            Infrastructure.Http.Versions.SetETag(http.Response, result.Version);
            return TypedResults.Created($"/api/families/{result.FamilyId}", result);
        })
        .WithName("RegisterFamily")
        .WithSummary("Registers a family with its main board; the registering professional coordinates.")
        .ProducesValidationProblem();
}
