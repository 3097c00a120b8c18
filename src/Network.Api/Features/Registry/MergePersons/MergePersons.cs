using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Api.Features.Registry.MergePersons;

public sealed record MergePersonsRequest(Guid DuplicateId);

public sealed record PersonsMerged(Guid SurvivorId, Guid DuplicateId);

public sealed record MergePersons(Actor Actor, Guid SurvivorId, Guid DuplicateId) : ICommand<PersonsMerged>;

public sealed class MergePersonsValidator : AbstractValidator<MergePersons>
{
    public MergePersonsValidator() => RuleFor(c => c.DuplicateId).NotEmpty().WithMessage("Kies het dubbele record.");
}

/// <summary>
/// Merges a duplicate into the surviving record. Families keep their references: every lookup
/// follows the duplicate to the survivor, and both histories stay readable.
/// </summary>
public sealed class MergePersonsHandler(IDocumentSession session, AccessLogger log, TimeProvider clock) : ICommandHandler<MergePersons, PersonsMerged>
{
    public async ValueTask<PersonsMerged> Handle(MergePersons c, CancellationToken ct)
    {
        if (!c.Actor.IsProfessional) throw new NotAllowed("Alleen professionals voegen records samen.");
        var now = clock.GetUtcNow();
        await RegistryAccess.ReadLoggedAsync(session, log, c.Actor, AccessAction.Update, c.SurvivorId, now, ct);
        await RegistryAccess.ReadLoggedAsync(session, log, c.Actor, AccessAction.Update, c.DuplicateId, now, ct);
        var survivor = await session.Events.FetchForWriting<Person>(c.SurvivorId, ct);
        var duplicate = await session.Events.FetchForWriting<Person>(c.DuplicateId, ct);
        var (onSurvivor, onDuplicate) = Person.Merge(survivor.Aggregate!, duplicate.Aggregate!, c.Actor.UserId, now);
        survivor.AppendMany(onSurvivor);
        duplicate.AppendMany(onDuplicate);
        await session.SaveChangesAsync(ct);
        return new PersonsMerged(c.SurvivorId, c.DuplicateId);
    }
}

public static class MergePersonsEndpoint
{
    public static void MapMergePersons(this RouteGroupBuilder persons) => persons
        .MapPost("/{personId:guid}/merge", async (Guid personId, MergePersonsRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new MergePersons(http.User.ToActor(), personId, body.DuplicateId), ct)))
        .WithName("MergePersons")
        .WithSummary("Merges a duplicate record into this one; references to the duplicate keep working.")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
