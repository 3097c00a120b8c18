using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Api.Features.Registry.CorrectPerson;

public sealed record CorrectPersonRequest(PersonDetailsDto Details, string? Reason);

public sealed record PersonChanged(Guid PersonId, long Version);

public sealed record CorrectPerson(Actor Actor, Guid PersonId, PersonDetailsDto Details, string? Reason, long? ExpectedVersion) : ICommand<PersonChanged>;

public sealed class CorrectPersonValidator : AbstractValidator<CorrectPerson>
{
    public CorrectPersonValidator()
    {
        RuleFor(c => c.Details).NotNull().SetValidator(new PersonDetailsValidator());
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Zeg waarom de gegevens worden gecorrigeerd.").MaximumLength(500);
    }
}

/// <summary>A correction made once shows everywhere the person appears: every view reads the registry.</summary>
public sealed class CorrectPersonHandler(IDocumentSession session, AccessLogger log, TimeProvider clock) : ICommandHandler<CorrectPerson, PersonChanged>
{
    public async ValueTask<PersonChanged> Handle(CorrectPerson c, CancellationToken ct)
    {
        if (!c.Actor.IsProfessional) throw new NotAllowed("Alleen professionals corrigeren het register.");
        var now = clock.GetUtcNow();
        await RegistryAccess.ReadLoggedAsync(session, log, c.Actor, AccessAction.Update, c.PersonId, now, ct);
        var stream = await session.Events.FetchForWriting<Person>(c.PersonId, ct);
        var events = Person.Correct(stream.Aggregate!, c.Details.ToDomain(), c.Reason!, c.Actor.UserId, now);
        Versions.Check(c.ExpectedVersion, stream.CurrentVersion ?? 0);
        if (events.Count == 0) return new PersonChanged(c.PersonId, stream.CurrentVersion ?? 0);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return new PersonChanged(c.PersonId, (stream.CurrentVersion ?? 0) + events.Count);
    }
}

public static class CorrectPersonEndpoint
{
    public static void MapCorrectPerson(this RouteGroupBuilder persons) => persons
        .MapPut("/{personId:guid}", async (Guid personId, CorrectPersonRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new CorrectPerson(http.User.ToActor(), personId, body.Details, body.Reason, Versions.ExpectedVersion(http.Request)), ct);
            Versions.SetETag(http.Response, result.Version);
            return TypedResults.Ok(result);
        })
        .WithName("CorrectPerson")
        .WithSummary("Corrects a person's details (with a reason). Send If-Match to avoid overwriting a newer correction.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
