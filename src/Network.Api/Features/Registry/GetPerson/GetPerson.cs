using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;
using Network.Domain.Authorization;

namespace Network.Api.Features.Registry.GetPerson;

public sealed record PersonView(Guid PersonId, string Name, PersonDetailsDto Details, Guid? MergedInto, IReadOnlyList<Guid> Absorbed, long Version);

public sealed record GetPerson(Actor Actor, Guid PersonId) : IQuery<PersonView>;

public sealed class GetPersonHandler(IQuerySession session, AccessLogger log, TimeProvider clock) : IQueryHandler<GetPerson, PersonView>
{
    public async ValueTask<PersonView> Handle(GetPerson q, CancellationToken ct)
    {
        var person = await RegistryAccess.ReadLoggedAsync(session, log, q.Actor, AccessAction.Read, q.PersonId, clock.GetUtcNow(), ct);
        var state = await session.Events.FetchStreamStateAsync(q.PersonId, ct);
        return new PersonView(person.Id.Value, person.Details.Name.Display, PersonDetailsDto.From(person.Details),
            person.MergedInto?.Value, [.. person.Absorbed.Select(a => a.Value)], state?.Version ?? 0);
    }
}

public static class GetPersonEndpoint
{
    public static void MapGetPerson(this RouteGroupBuilder persons) => persons
        .MapGet("/{personId:guid}", async (Guid personId, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var view = await mediator.Send(new GetPerson(http.User.ToActor(), personId), ct);
            Versions.SetETag(http.Response, view.Version);
            return TypedResults.Ok(view);
        })
        .WithName("GetPerson")
        .WithSummary("A person's registry record, for those with standing on a family the person belongs to.")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
