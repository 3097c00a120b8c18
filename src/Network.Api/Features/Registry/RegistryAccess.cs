using Marten;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Audit;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Api.Features.Registry;

/// <summary>
/// Who may read a person's registry record: a professional or family member with standing on the
/// child (for a child's record) or on any child of the family (for an adult's), the person themself, and the
/// professional who registered a person not yet placed in any family. Anyone else gets 404.
/// </summary>
public static class RegistryAccess
{
    public static async Task<Person> ReadAsync(IQuerySession session, Actor actor, Guid personId, DateTimeOffset now, CancellationToken ct)
    {
        var entry = await session.LoadAsync<RegistryEntry>(personId, ct) ?? throw new ResourceNotFound("person");
        var person = await session.LoadAsync<Person>(new PersonId(personId), ct) ?? throw new ResourceNotFound("person");
        if (await MayReadAsync(session, actor, person, entry, now, ct)) return person;
        throw new ResourceNotFound("person");
    }

    /// <summary>Reads like <see cref="ReadAsync"/> and writes the decision, allowed or denied, to the access log.</summary>
    public static async Task<Person> ReadLoggedAsync(
        IQuerySession session, AccessLogger log, Actor actor, AccessAction action, Guid personId, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var person = await ReadAsync(session, actor, personId, now, ct);
            await log.PersonAsync(actor, action, $"person:{personId}", personId, null, actor.PersonId?.Value == personId ? AccessBasis.FamilyMember : AccessBasis.Registrant, true, ct);
            return person;
        }
        catch (ResourceNotFound)
        {
            // Only a person that exists has data whose access is logged.
            if (await session.LoadAsync<RegistryEntry>(personId, ct) is not null)
                await log.PersonAsync(actor, action, $"person:{personId}", personId, null, AccessBasis.None, false, ct);
            throw;
        }
    }

    public static async Task<bool> MayReadAsync(IQuerySession session, Actor actor, Person person, RegistryEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        if (actor.Role is ActorRole.FunctionalAdministrator or ActorRole.ContractManager) return false;
        if (actor.PersonId == person.Id) return true;

        var rosters = await session.Query<FamilyRoster>().Where(r => r.PersonIds.Contains(person.Id.Value)).ToListAsync(ct);
        if (rosters.Count == 0)
            return actor.IsProfessional && entry.RegisteredBy == actor.UserId.Value;
        foreach (var roster in rosters)
        {
            var family = await FamilyContext.LoadAsync(session, new FamilyId(roster.Id), ct);
            if (family is null) continue;
            // A child's record needs standing on that child; an adult's on any child of the family.
            var children = family.Family.MemberFor(person.Id)?.Relation == Relation.Child ? [person.Id] : family.Family.Children;
            if (children.Any(c => Standings.OnChild(family.Family, actor, c, family.BirthDates.GetValueOrDefault(c), now).Exists))
                return true;
        }
        return false;
    }
}
