using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Registry.SearchPersons;

public sealed record SearchPersons(Actor Actor, string? Query, DateOnly? DateOfBirth) : IQuery<IReadOnlyList<PersonHit>>;

public sealed class SearchPersonsValidator : AbstractValidator<SearchPersons>
{
    public SearchPersonsValidator() =>
        RuleFor(q => q.Query).NotEmpty().MinimumLength(2).WithMessage("Zoek op minstens twee letters van de naam.").MaximumLength(200);
}

/// <summary>
/// Finds persons the actor has standing on (or registered themselves and who are in no family
/// yet): the database searches only among them. A family without standing is invisible: a search
/// finds nothing of it.
/// </summary>
public sealed class SearchPersonsHandler(IQuerySession session, FamilyContexts families, Gate gate) : IQueryHandler<SearchPersons, IReadOnlyList<PersonHit>>
{
    public async ValueTask<IReadOnlyList<PersonHit>> Handle(SearchPersons q, CancellationToken ct)
    {
        gate.Require(q.Actor, AccessAction.Search, "persons:search", null, AdminPolicy.Register(q.Actor));
        var visible = new Dictionary<Guid, (SubjectOutcome Subject, FamilyId? Through)>();
        foreach (var f in await families.ConnectedToAsync(q.Actor, ct))
        foreach (var member in f.Family.Members)
        {
            var sight = RegistryPolicy.See(q.Actor, member.PersonId, null, [f.Of], f.Table, gate.Now);
            if (sight.General == Sight.Full) visible.TryAdd(member.PersonId.Value, (sight.Decision.Subjects[0], sight.Through));
        }
        var visibleIds = visible.Keys.ToArray();
        var me = q.Actor.UserId.Value;

        var words = DuplicateCheck.Fold(q.Query!).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var query = session.Query<RegistryEntry>().Where(e => e.MergedInto == null && (e.Id.IsOneOf(visibleIds) || e.RegisteredBy == me));
        foreach (var word in words) query = query.Where(e => e.SearchText.Contains(word));
        if (q.DateOfBirth is { } dob) query = query.Where(e => e.DateOfBirth == dob);
        var hits = await query.OrderBy(e => e.DisplayName).Take(40).ToListAsync(ct);

        var result = new List<PersonHit>();
        foreach (var hit in hits)
        {
            if (!visible.TryGetValue(hit.Id, out var found))
            {
                // Registered by the actor: visible only while the person is in no family they lack standing in.
                var of = await families.OfPersonAsync(new PersonId(hit.Id), ct);
                var sight = RegistryPolicy.See(q.Actor, new PersonId(hit.Id), new UserId(hit.RegisteredBy), [.. of.Select(f => f.Of)],
                    of.Count > 0 ? of[0].Table : await families.TableAsync(ct), gate.Now);
                if (sight.General != Sight.Full) continue;
                found = (sight.Decision.Subjects[0], sight.Through);
            }
            gate.Record(q.Actor, AccessAction.Search, "persons:search", found.Through, [found.Subject]);
            result.Add(new PersonHit(hit.Id, hit.DisplayName, hit.DateOfBirth));
            if (result.Count == 20) break;
        }
        return result;
    }
}

public static class SearchPersonsEndpoint
{
    public static void MapSearchPersons(this RouteGroupBuilder persons) => persons
        .MapGet("/", async (string? q, DateOnly? dateOfBirth, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SearchPersons(http.User.ToActor(), q, dateOfBirth), ct)))
        .WithName("SearchPersons")
        .WithSummary("Finds persons the caller has standing on, by name (accents and case do not matter), optionally with date of birth.");
}
