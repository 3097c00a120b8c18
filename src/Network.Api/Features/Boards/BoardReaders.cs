using Microsoft.EntityFrameworkCore;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Api.Features.Boards;

/// <summary>Someone who may read a given item, by the same decision as any read.</summary>
public sealed record Reader(Guid UserId, string Name, string Role);

/// <summary>
/// Everyone connected to a family who may read an item: its professionals and the family
/// members with an account. Used to push only to them and to show an author who will see a note.
/// </summary>
public static class BoardReaders
{
    public static async Task<IReadOnlyList<Reader>> ForAsync(
        AuthDbContext accounts, FamilyContext family, ItemFacts item, Domain.Authorization.AuthorizationTable table, DateTimeOffset now, CancellationToken ct) =>
        Among(await CandidatesAsync(accounts, family, ct), family, item, table, now);

    /// <summary>Everyone who could read something of the family: its professionals and the family members with an account.</summary>
    public static async Task<IReadOnlyList<Actor>> CandidatesAsync(AuthDbContext accounts, FamilyContext family, CancellationToken ct)
    {
        var persons = family.Family.Members.Select(m => (Guid?)m.PersonId.Value).ToList();
        var familyAccounts = await accounts.Users.Where(u => persons.Contains(u.PersonId)).ToListAsync(ct);
        return [.. family.Family.Professionals
            .Select(p => new Actor(p.UserId, p.DisplayName, p.Role, p.OrganisationId, p.Organisation))
            .Concat(familyAccounts.Select(u => new Actor(new UserId(u.Id), u.DisplayName, u.Role, null, null, new PersonId(u.PersonId!.Value))))];
    }

    /// <summary>Those among the candidates who may read the item, by the same decision as any read.</summary>
    public static IReadOnlyList<Reader> Among(
        IEnumerable<Actor> candidates, FamilyContext family, ItemFacts item, Domain.Authorization.AuthorizationTable table, DateTimeOffset now) =>
        [.. candidates
            .Where(a => ItemPolicy.Decide(a, ItemAction.Read, item, family.Family, family.BirthDates, table, now).Allowed)
            .Select(a => new Reader(a.UserId.Value, a.DisplayName, a.Role.ToString()))];
}
