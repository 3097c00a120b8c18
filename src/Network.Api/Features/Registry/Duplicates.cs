using Marten;
using Network.Domain.Registry;

namespace Network.Api.Features.Registry;

/// <summary>Registering would likely make a second record of someone already registered (answers 409 with the candidates).</summary>
public sealed class LikelyDuplicates(IReadOnlyList<DuplicateDto> candidates)
    : Exception("Deze persoon staat waarschijnlijk al in het register.")
{
    public IReadOnlyList<DuplicateDto> Candidates { get; } = candidates;
}

public static class Duplicates
{
    /// <summary>The database narrows to the same BSN or the same birth date; the domain compares names.</summary>
    public static async Task<IReadOnlyList<DuplicateDto>> FindAsync(IQuerySession session, PersonDetails details, Guid? except, CancellationToken ct)
    {
        var bsn = Bsn.Normalize(details.Bsn);
        var dob = details.DateOfBirth;
        var candidates = await session.Query<RegistryEntry>()
            .Where(e => e.MergedInto == null && (e.DateOfBirth == dob || (bsn != null && e.Bsn == bsn)))
            .Take(200)
            .ToListAsync(ct);
        var result = new List<DuplicateDto>();
        foreach (var entry in candidates.Where(c => c.Id != except))
        {
            var person = await session.LoadAsync<Person>(new PersonId(entry.Id), ct);
            if (person is not null && DuplicateCheck.Compare(details with { Bsn = bsn }, person.Details) is { } reason)
                result.Add(new DuplicateDto(entry.Id, entry.DisplayName, entry.DateOfBirth, reason.ToString()));
        }
        return result;
    }
}
