using Microsoft.EntityFrameworkCore;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Boards;

/// <summary>
/// Everyone who could read something of a family: its professionals, the holders of emergency
/// access now, and the family members with an account. Pushes go to those among them who may
/// read the item; the audience preview shows them, as far as its viewer may know them.
/// </summary>
public static class BoardReaders
{
    public static async Task<IReadOnlyList<Actor>> CandidatesAsync(AuthDbContext accounts, FamilyContext family, DateTimeOffset now, CancellationToken ct)
    {
        var persons = family.Family.Members.Select(m => (Guid?)m.PersonId.Value).ToList();
        var familyAccounts = await accounts.Users.AsNoTracking().Where(u => persons.Contains(u.PersonId)).ToListAsync(ct);
        var professionals = family.Family.Professionals
            .Select(p => new Actor(p.UserId, p.DisplayName, p.Role, p.OrganisationId, p.Organisation));
        var emergencies = family.Family.ActiveEmergencies(now)
            .Select(e => new Actor(e.UserId, e.DisplayName, e.Role, e.OrganisationId, e.Organisation));
        return [.. professionals.Concat(emergencies).DistinctBy(a => a.UserId)
            .Concat(familyAccounts.Select(u => new Actor(new UserId(u.Id), u.DisplayName, u.Role, null, null, new PersonId(u.PersonId!.Value))))];
    }

    /// <summary>Those among the candidates who may read the item, by the same decision as any read.</summary>
    public static IEnumerable<Actor> Among(IEnumerable<Actor> candidates, FamilyContext family, ItemFacts item, DateTimeOffset now) =>
        candidates.Where(a => ItemPolicy.Decide(a, ItemAction.Read, item, family.Family, family.BirthDates, family.Table, now).Allowed);

    /// <summary>Whether the viewer may know that this reader is connected to the family (the family view's rules).</summary>
    public static bool Known(FamilySight viewer, Actor reader, FamilyContext family, DateTimeOffset now) =>
        reader.PersonId is { } person
            ? viewer.Adults.Contains(person) || viewer.Children.Any(c => c.Child == person && c.Full)
            : viewer.Network.Any(m => m.Professional == reader.UserId)
              || family.Family.ActiveEmergencies(now).Any(e => e.UserId == reader.UserId && viewer.EmergenciesFor.Contains(e.Child));
}
