using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Registry.MergePersons;

public sealed record MergePersons(Actor Actor, Guid SurvivorId, Guid? DuplicateId) : ICommand<PersonsMerged>;

public sealed class MergePersonsValidator : AbstractValidator<MergePersons>
{
    public MergePersonsValidator() => RuleFor(c => c.DuplicateId).NotEmpty().WithMessage("Kies het dubbele record.");
}

/// <summary>
/// Merges a duplicate into the surviving record: both must be records the actor may correct.
/// Families keep their references: every lookup follows the duplicate to the survivor, and both
/// histories stay readable.
/// </summary>
public sealed class MergePersonsHandler(IDocumentSession session, PersonAccess persons, Gate gate) : ICommandHandler<MergePersons, PersonsMerged>
{
    public async ValueTask<PersonsMerged> Handle(MergePersons c, CancellationToken ct)
    {
        foreach (var id in new[] { c.SurvivorId, c.DuplicateId!.Value })
        {
            var (context, sight) = await persons.ReadAsync(c.Actor, id, AccessAction.Update, ct);
            gate.Require(c.Actor, AccessAction.Update, $"person:{id}", sight.Through, RegistryPolicy.Correct(c.Actor, context.Person.Id,
                new UserId(context.Entry.RegisteredBy), context.Of, [InformationCategory.General], context.Table, gate.Now));
        }
        var survivor = await session.Events.FetchForWriting<Person>(c.SurvivorId, ct);
        var duplicate = await session.Events.FetchForWriting<Person>(c.DuplicateId.Value, ct);
        var (onSurvivor, onDuplicate) = Person.Merge(survivor.Aggregate!, duplicate.Aggregate!, c.Actor.UserId, gate.Now);
        survivor.AppendMany(onSurvivor);
        duplicate.AppendMany(onDuplicate);
        await gate.SaveAsync(ct);
        return new PersonsMerged(c.SurvivorId, c.DuplicateId.Value);
    }
}

public static class MergePersonsEndpoint
{
    public static void MapMergePersons(this RouteGroupBuilder persons) => persons
        .MapPost("/{personId:guid}/merge", async (Guid personId, MergePersonsRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new MergePersons(http.User.ToActor(), personId, body.DuplicateId), ct)))
        .WithName("MergePersons")
        .WithSummary("Merges a duplicate record into this one; references to the duplicate keep working.")
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
