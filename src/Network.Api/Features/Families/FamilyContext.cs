using Marten;
using Network.Api.Features.Registry;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Api.Features.Families;

/// <summary>A family with the registry records of its members: what every decision on it needs.</summary>
public sealed record FamilyContext(Family Family, IReadOnlyDictionary<PersonId, Person> People)
{
    /// <summary>Built once: every decision on the family reads it, often once per item and child.</summary>
    public IReadOnlyDictionary<PersonId, DateOnly> BirthDates { get; } =
        People.ToDictionary(p => p.Key, p => p.Value.Details.DateOfBirth);

    public static async Task<FamilyContext?> LoadAsync(IQuerySession session, FamilyId id, CancellationToken ct)
    {
        var family = await session.LoadAsync<Family>(id, ct);
        if (family is null) return null;
        var people = await PeopleLookup.LoadAsync(session, family.Members.Select(m => m.PersonId), ct);
        return new FamilyContext(family, people);
    }

    /// <summary>The families the actor is connected to, narrowed by the database, before any decision.</summary>
    public static async Task<IReadOnlyList<FamilyContext>> ConnectedToAsync(IQuerySession session, Actor actor, CancellationToken ct)
    {
        var userId = actor.UserId.Value;
        var personId = actor.PersonId?.Value ?? Guid.Empty;
        var rosters = await session.Query<FamilyRoster>()
            .Where(r => r.ProfessionalUserIds.Contains(userId) || r.PersonIds.Contains(personId))
            .ToListAsync(ct);
        var result = new List<FamilyContext>();
        foreach (var roster in rosters)
            if (await LoadAsync(session, new FamilyId(roster.Id), ct) is { } context) result.Add(context);
        return result;
    }
}
