using Marten;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Registry;

/// <summary>Registering would likely make a second record of someone already registered (answers 409 with the candidates).</summary>
public sealed class LikelyDuplicates(IReadOnlyList<DuplicateView> candidates) : Exception("person.likely-duplicate")
{
    public IReadOnlyList<DuplicateView> Candidates { get; } = candidates;
}

/// <summary>
/// The duplicate check looks over the whole region (register once), but tells the actor about a
/// match only what they may see of it: a person they have no standing on is "already registered",
/// with an id to link the registration to, and nothing they did not type themselves.
/// </summary>
public sealed class Duplicates(IQuerySession session, FamilyContexts families, Gate gate)
{
    public async Task<IReadOnlyList<DuplicateView>> FindAsync(Actor actor, PersonDetails details, Guid? except, CancellationToken ct)
    {
        var bsn = Bsn.Normalize(details.Bsn);
        var dob = details.DateOfBirth;
        var candidates = await session.Query<RegistryEntry>()
            .Where(e => e.MergedInto == null && (e.DateOfBirth == dob || (bsn != null && e.Bsn == bsn)))
            .Take(200)
            .ToListAsync(ct);
        var people = await PeopleLookup.LoadAsync(session, candidates.Where(c => c.Id != except).Select(c => new PersonId(c.Id)), ct);
        var result = new List<DuplicateView>();
        foreach (var entry in candidates.Where(c => c.Id != except))
        {
            if (!people.TryGetValue(new PersonId(entry.Id), out var person)) continue;
            if (DuplicateCheck.Compare(details with { Bsn = bsn }, person.Details) is not { } reason) continue;
            var of = await families.OfPersonAsync(person.Id, ct);
            var table = of.Count > 0 ? of[0].Table : await families.TableAsync(ct);
            var sight = RegistryPolicy.See(actor, person.Id, new UserId(entry.RegisteredBy), [.. of.Select(f => f.Of)], table, gate.Now);
            var visible = sight.General == Sight.Full;
            // The check itself reads the record, region-wide: logged as a registration check.
            gate.Record(actor, AccessAction.Search, "persons:duplicates", visible ? sight.Through : null,
                [new SubjectOutcome(person.Id, visible ? sight.Decision.Subjects[0].Basis : AccessBasis.Registrant, true)]);
            result.Add(visible
                ? new DuplicateView(entry.Id, true, entry.DisplayName, entry.DateOfBirth, reason)
                : new DuplicateView(entry.Id, false, null, null, reason));
        }
        gate.NothingShown();
        return result;
    }
}
