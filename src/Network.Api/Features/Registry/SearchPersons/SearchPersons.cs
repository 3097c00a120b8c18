using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Api.Features.Registry.SearchPersons;

/// <summary>A search hit: only what is needed to pick the right person, never address or BSN.</summary>
public sealed record PersonHit(Guid PersonId, string Name, DateOnly DateOfBirth);

public sealed record SearchPersons(Actor Actor, string? Query, DateOnly? DateOfBirth) : IQuery<IReadOnlyList<PersonHit>>;

public sealed class SearchPersonsValidator : AbstractValidator<SearchPersons>
{
    public SearchPersonsValidator() =>
        RuleFor(q => q.Query).NotEmpty().MinimumLength(2).WithMessage("Zoek op minstens twee letters van de naam.");
}

public sealed class SearchPersonsHandler(IQuerySession session, AccessLogger log) : IQueryHandler<SearchPersons, IReadOnlyList<PersonHit>>
{
    public async ValueTask<IReadOnlyList<PersonHit>> Handle(SearchPersons q, CancellationToken ct)
    {
        if (!q.Actor.IsProfessional) throw new NotAllowed("Alleen professionals zoeken in het register.");
        var words = DuplicateCheck.Fold(q.Query!).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var query = session.Query<RegistryEntry>().Where(e => e.MergedInto == null);
        foreach (var word in words) query = query.Where(e => e.SearchText.Contains(word));
        if (q.DateOfBirth is { } dob) query = query.Where(e => e.DateOfBirth == dob);
        var hits = await query.OrderBy(e => e.DisplayName).Take(20).ToListAsync(ct);
        await log.ManyAsync(q.Actor, AccessAction.Search, "persons:search", hits.Select(h => new PersonId(h.Id)), AccessBasis.Registrant, ct);
        return [.. hits.Select(h => new PersonHit(h.Id, h.DisplayName, h.DateOfBirth))];
    }
}

public static class SearchPersonsEndpoint
{
    public static void MapSearchPersons(this RouteGroupBuilder persons) => persons
        .MapGet("/", async (string? q, DateOnly? dateOfBirth, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SearchPersons(http.User.ToActor(), q, dateOfBirth), ct)))
        .WithName("SearchPersons")
        .WithSummary("Finds registered persons by name (accents and case do not matter), optionally with date of birth.");
}
