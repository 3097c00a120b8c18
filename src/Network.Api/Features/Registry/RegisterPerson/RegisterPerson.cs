using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Api.Features.Registry.RegisterPerson;

public sealed record RegisterPersonRequest(PersonDetailsDto Details, bool AcknowledgeDuplicates = false);

public sealed record PersonRegisteredResponse(Guid PersonId, long Version);

public sealed record RegisterPerson(Actor Actor, PersonDetailsDto Details, bool AcknowledgeDuplicates) : ICommand<PersonRegisteredResponse>;

public sealed class RegisterPersonValidator : AbstractValidator<RegisterPerson>
{
    public RegisterPersonValidator() => RuleFor(c => c.Details).NotNull().SetValidator(new PersonDetailsValidator());
}

public sealed class RegisterPersonHandler(IDocumentSession session, AccessLogger log, TimeProvider clock) : ICommandHandler<RegisterPerson, PersonRegisteredResponse>
{
    public async ValueTask<PersonRegisteredResponse> Handle(RegisterPerson command, CancellationToken ct)
    {
        if (!command.Actor.IsProfessional) throw new NotAllowed("Alleen professionals registreren personen.");
        var details = command.Details.ToDomain();
        var id = PersonId.New();
        var events = Person.Register(id, details, command.Actor.UserId, clock.GetUtcNow());

        var duplicates = await Duplicates.FindAsync(session, ((PersonRegistered)events[0]).Details, null, ct);
        await log.ManyAsync(command.Actor, AccessAction.Search, "persons:duplicates", duplicates.Select(d => new PersonId(d.PersonId)), AccessBasis.Registrant, ct);
        if (duplicates.Count > 0 && !command.AcknowledgeDuplicates) throw new LikelyDuplicates(duplicates);

        session.Events.StartStream<Person>(id.Value, events.ToArray());
        await session.SaveChangesAsync(ct);
        await log.PersonAsync(command.Actor, AccessAction.Create, $"person:{id}", id.Value, null, AccessBasis.Registrant, true, ct);
        return new PersonRegisteredResponse(id.Value, events.Count);
    }
}

public static class RegisterPersonEndpoint
{
    public static void MapRegisterPerson(this RouteGroupBuilder persons) => persons
        .MapPost("/", async Task<Created<PersonRegisteredResponse>> (RegisterPersonRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new RegisterPerson(http.User.ToActor(), body.Details, body.AcknowledgeDuplicates), ct);
            Infrastructure.Http.Versions.SetETag(http.Response, result.Version);
            return TypedResults.Created($"/api/persons/{result.PersonId}", result);
        })
        .WithName("RegisterPerson")
        .WithSummary("Registers a person once for the region. Answers 409 with likely duplicates unless acknowledgeDuplicates is true.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict);
}
