using Marten;
using Network.Domain.Registry;

namespace Network.Api.Features.Registry;

public static class PeopleLookup
{
    /// <summary>Loads registry records, following merges to the surviving record.</summary>
    public static async Task<IReadOnlyDictionary<PersonId, Person>> LoadAsync(
        IQuerySession session, IEnumerable<PersonId> ids, CancellationToken ct)
    {
        var result = new Dictionary<PersonId, Person>();
        foreach (var id in ids.Distinct())
        {
            var person = await session.LoadAsync<Person>(id, ct);
            var hops = 0;
            while (person?.MergedInto is { } survivor && hops++ < 5)
                person = await session.LoadAsync<Person>(survivor, ct);
            if (person is not null) result[id] = person;
        }
        return result;
    }
}
