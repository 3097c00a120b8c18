using Marten;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Registry;

/// <summary>A registry record with what a decision on it needs: the families the person is in, and who registered them.</summary>
public sealed record PersonContext(Person Person, RegistryEntry Entry, IReadOnlyList<FamilyContext> Families, AuthorizationTable Table)
{
    public IReadOnlyCollection<FamilyOf> Of => [.. Families.Select(f => f.Of)];

    public PersonSight See(Actor actor, DateTimeOffset now) =>
        RegistryPolicy.See(actor, Person.Id, new UserId(Entry.RegisteredBy), Of, Table, now);
}

/// <summary>Loads registry records for decisions; an unknown id answers 404 like one the actor may not see.</summary>
public sealed class PersonAccess(IQuerySession session, FamilyContexts families, Gate gate)
{
    public async Task<PersonContext> LoadAsync(Guid personId, CancellationToken ct)
    {
        var person = await session.LoadAsync<Person>(new PersonId(personId), ct) ?? throw gate.NotFound("person");
        var entry = await session.LoadAsync<RegistryEntry>(personId, ct) ?? throw gate.NotFound("person");
        var of = await families.OfPersonAsync(person.Id, ct);
        return new PersonContext(person, entry, of, of.Count > 0 ? of[0].Table : await families.TableAsync(ct));
    }

    /// <summary>Loads and decides a read (or another action that starts with seeing the record); logged; 404 when hidden.</summary>
    public async Task<(PersonContext Context, PersonSight Sight)> ReadAsync(Actor actor, Guid personId, AccessAction action, CancellationToken ct)
    {
        var context = await LoadAsync(personId, ct);
        var sight = context.See(actor, gate.Now);
        if (action == AccessAction.Read) gate.Require(actor, action, $"person:{personId}", sight.Through, sight.Decision);
        else gate.Guard(actor, action, $"person:{personId}", sight.Through, sight.Decision);
        return (context, sight);
    }
}
