using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Registry.GetPerson;

public sealed record GetPerson(Actor Actor, Guid PersonId) : IQuery<PersonView>;

public sealed class GetPersonHandler(IQuerySession session, PersonAccess persons) : IQueryHandler<GetPerson, PersonView>
{
    public async ValueTask<PersonView> Handle(GetPerson q, CancellationToken ct)
    {
        var (context, sight) = await persons.ReadAsync(q.Actor, q.PersonId, AccessAction.Read, ct);
        var person = context.Person;
        var state = await session.Events.FetchStreamStateAsync(q.PersonId, ct);
        var hidden = new[] { (InformationCategory.ContactDetails, sight.Contact), (InformationCategory.Administrative, sight.Administrative) }
            .Where(h => h.Item2 != Sight.Full).Select(h => h.Item1).ToList();
        return new PersonView(person.Id.Value, person.Details.Name.Display, person.Details.ToDto(sight), hidden,
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
        .WithSummary("A person's registry record, fact by fact as far as the caller may see it (404 without standing).")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
