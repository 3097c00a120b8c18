using Marten;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Items;

/// <summary>
/// The one way an existing item changes: load it with its family, decide through the gate
/// (404 for an item the actor may not know, before any version check), check If-Match against
/// the item's own version, append, save with the access-log entries in the same transaction.
/// </summary>
public sealed class ItemWrites(IDocumentSession session, FamilyContexts families, Gate gate)
{
    public async Task<ItemChangedResponse> ChangeAsync(
        Actor actor, Guid itemId, long? expectedVersion, Func<Item, FamilyContext, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Item>(itemId, ct);
        var item = stream.Aggregate ?? throw gate.NotFound("item");
        var family = await families.LoadAsync(item.FamilyId, ct) ?? throw gate.NotFound("item");
        var resource = $"item:{itemId}";
        gate.Guard(actor, AccessAction.Update, resource, family.Id,
            ItemPolicy.Decide(actor, ItemAction.Read, item.Facts, family.Family, family.BirthDates, family.Table, gate.Now));
        gate.Require(actor, AccessAction.Update, resource, family.Id,
            ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, family.Table, gate.Now));
        var version = stream.CurrentVersion ?? 0;
        Versions.Check(expectedVersion, version);
        var events = decide(item, family, gate.Now);
        if (events.Count == 0) return new ItemChangedResponse(itemId, version);
        stream.AppendMany(events);
        await gate.SaveAsync(ct);
        return new ItemChangedResponse(itemId, version + events.Count);
    }
}
