using Network.Api.Features.Families;
using Network.Domain.Authorization;
using Network.Domain.Registry;

namespace Network.Api.Infrastructure.Audit;

/// <summary>Writes one access-log record per person per decision, for the current actor.</summary>
public sealed class AccessLogger(AccessLogStore store, TimeProvider clock)
{
    public Task PersonAsync(Actor actor, AccessAction action, string resource, Guid? personId, Guid? familyId, AccessBasis basis, bool allowed, CancellationToken ct) =>
        store.AppendAsync([Record(actor, action, resource, personId, familyId, basis, allowed)], ct);

    /// <summary>
    /// A decision about a family (a board, the family view, a change): one record for each child
    /// concerned (<paramref name="about"/>, or every child when it is about the family as a whole),
    /// allowed where the actor has standing on that child, denied where not.
    /// </summary>
    public Task FamilyAsync(Actor actor, AccessAction action, string resource, FamilyContext family, CancellationToken ct,
        IReadOnlyCollection<PersonId>? about = null)
    {
        var now = clock.GetUtcNow();
        var children = family.Family.Children.Where(c => about is not { Count: > 0 } || about.Contains(c));
        var records = children.Select(child =>
        {
            var standing = Standings.OnChild(family.Family, actor, child, family.BirthDates.GetValueOrDefault(child), now);
            return Record(actor, action, resource, child.Value, family.Family.Id.Value, AccessLogChain.BasisOf(standing.Kind), standing.Exists);
        }).ToList();
        return store.AppendAsync(records, ct);
    }

    public Task ManyAsync(Actor actor, AccessAction action, string resource, IEnumerable<PersonId> persons, AccessBasis basis, CancellationToken ct) =>
        store.AppendAsync([.. persons.Select(p => Record(actor, action, resource, p.Value, null, basis, true))], ct);

    private AccessRecord Record(Actor actor, AccessAction action, string resource, Guid? personId, Guid? familyId, AccessBasis basis, bool allowed) => new(
        Guid.CreateVersion7(), clock.GetUtcNow(), action, personId, familyId, resource, actor.UserId.Value, actor.DisplayName,
        actor.Role.ToString(), actor.Organisation, null, basis, allowed);
}
