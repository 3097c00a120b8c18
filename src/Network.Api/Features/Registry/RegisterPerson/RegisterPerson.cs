using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Registry.RegisterPerson;

public sealed record RegisterPerson(Actor Actor, PersonDetailsDto? Details, bool AcknowledgeDuplicates) : ICommand<PersonRegisteredResponse>;

public sealed class RegisterPersonValidator : AbstractValidator<RegisterPerson>
{
    public RegisterPersonValidator() =>
        RuleFor(c => c.Details).NotNull().WithMessage("Vul de gegevens van de persoon in.").SetValidator(new PersonDetailsValidator()!);
}

/// <summary>
/// Registers a person once for the region. A likely duplicate answers 409 with the candidates
/// (<see cref="Duplicates"/>): link to the existing record instead, or acknowledge and register anyway.
/// </summary>
public sealed class RegisterPersonHandler(IDocumentSession session, Duplicates duplicates, Gate gate) : ICommandHandler<RegisterPerson, PersonRegisteredResponse>
{
    public async ValueTask<PersonRegisteredResponse> Handle(RegisterPerson c, CancellationToken ct)
    {
        var id = PersonId.New();
        gate.Require(c.Actor, AccessAction.Create, $"person:{id}", null,
            AdminPolicy.Register(c.Actor).About([new SubjectOutcome(id, AccessBasis.Registrant, c.Actor.IsProfessional)]));
        var events = Person.Register(id, c.Details!.ToDomain(), c.Actor.UserId, gate.Now);
        var found = await duplicates.FindAsync(c.Actor, ((PersonRegistered)events[0]).Details, null, ct);
        if (found.Count > 0 && !c.AcknowledgeDuplicates) throw new LikelyDuplicates(found);
        session.Events.StartStream<Person>(id.Value, [.. events]);
        await gate.SaveAsync(ct);
        return new PersonRegisteredResponse(id.Value, events.Count);
    }
}

public static class RegisterPersonEndpoint
{
    public static void MapRegisterPerson(this RouteGroupBuilder persons) => persons
        .MapPost("/", async Task<Created<PersonRegisteredResponse>> (RegisterPersonRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            Versions.RefuseOnCreate(http.Request);
            var result = await mediator.Send(new RegisterPerson(http.User.ToActor(), body.Details, body.AcknowledgeDuplicates), ct);
            Versions.SetETag(http.Response, result.Version);
            return TypedResults.Created($"/api/persons/{result.PersonId}", result);
        })
        .WithName("RegisterPerson")
        .WithSummary("Registers a person once for the region. Answers 409 with likely duplicates unless acknowledgeDuplicates is true.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict);
}
