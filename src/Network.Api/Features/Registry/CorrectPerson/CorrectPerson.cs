using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Registry.CorrectPerson;

public sealed record CorrectPerson(Actor Actor, Guid PersonId, PersonDetailsDto? Details, string? Reason, long? ExpectedVersion) : ICommand<PersonChanged>;

public sealed class CorrectPersonValidator : AbstractValidator<CorrectPerson>
{
    public CorrectPersonValidator()
    {
        RuleFor(c => c.Details).NotNull().WithMessage("Vul de gegevens van de persoon in.").SetValidator(new PersonDetailsValidator()!);
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Zeg waarom de gegevens worden gecorrigeerd.").MaximumLength(500);
    }
}

/// <summary>
/// A correction made once shows everywhere the person appears. It needs the right to write every
/// kind of fact it changes; what the actor may not see is kept as it was.
/// </summary>
public sealed class CorrectPersonHandler(IDocumentSession session, PersonAccess persons, Gate gate) : ICommandHandler<CorrectPerson, PersonChanged>
{
    public async ValueTask<PersonChanged> Handle(CorrectPerson c, CancellationToken ct)
    {
        var (context, sight) = await persons.ReadAsync(c.Actor, c.PersonId, AccessAction.Update, ct);
        var current = context.Person.Details;
        var corrected = RegistryMapping.KeepHidden(c.Details!.ToDomain(), current, sight);
        gate.Require(c.Actor, AccessAction.Update, $"person:{c.PersonId}", sight.Through, RegistryPolicy.Correct(
            c.Actor, context.Person.Id, new UserId(context.Entry.RegisteredBy), context.Of, RegistryMapping.Changed(current, corrected), context.Table, gate.Now));

        var stream = await session.Events.FetchForWriting<Person>(c.PersonId, ct);
        Versions.Check(c.ExpectedVersion, stream.CurrentVersion ?? 0);
        var events = Person.Correct(stream.Aggregate!, corrected, c.Reason!, c.Actor.UserId, gate.Now);
        if (events.Count == 0) return new PersonChanged(c.PersonId, stream.CurrentVersion ?? 0);
        stream.AppendMany(events);
        await gate.SaveAsync(ct);
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
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
