using Network.Api.Infrastructure.Marten;
using Marten;

namespace Network.Api.Infrastructure.Gate;

public static class PeopleLookup
{
    /// <summary>Loads registry records in one round trip, following merges to the surviving record.</summary>
    public static async Task<IReadOnlyDictionary<PersonId, Person>> LoadAsync(
        IQuerySession session, IEnumerable<PersonId> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0) return new Dictionary<PersonId, Person>();
        return await ResolveAsync(session, wanted, await session.LoadAllAsync<Person>(wanted.Cast<object>(), ct), ct);
    }

    /// <summary>Records already loaded, keyed by the ids asked for, following merges to the surviving record.</summary>
    public static async Task<IReadOnlyDictionary<PersonId, Person>> ResolveAsync(
        IQuerySession session, IEnumerable<PersonId> ids, IEnumerable<Person> loaded, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        var result = new Dictionary<PersonId, Person>();
        var found = loaded.DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        foreach (var id in wanted)
        {
            var person = found.GetValueOrDefault(id);
            var hops = 0;
            while (person?.MergedInto is { } survivor && hops++ < 5)
                person = found.GetValueOrDefault(survivor) ?? await session.LoadAsync<Person>(survivor, ct);
            if (person is not null) result[id] = person;
        }
        return result;
    }
}
