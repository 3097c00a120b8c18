using Marten;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Items;

/// <summary>
/// The one way an existing item changes: load it with its family, refuse an item the actor may not
/// read as not found (before any version check), check If-Match against the item's own version,
/// let the domain decide (through its policy), and save with the access-log entries for the
/// persons the item is about in the same transaction. A refusal by the domain is logged as refused.
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
        var read = ItemPolicy.Decide(actor, ItemAction.Read, item.Facts, family.Family, family.BirthDates, family.Table, gate.Now);
        gate.Guard(actor, AccessAction.Update, resource, family.Id, read);
        var version = stream.CurrentVersion ?? 0;
        Versions.Check(expectedVersion, version);

        IReadOnlyList<object> events;
        try
        {
            events = decide(item, family, gate.Now);
        }
        catch (NotAllowed)
        {
            gate.Record(actor, AccessAction.Update, resource, family.Id, read.Subjects.Select(s => s with { Allowed = false }));
            throw;
        }
        if (events.Count == 0)
        {
            gate.NothingShown();
            return new ItemChangedResponse(itemId, version);
        }
        gate.Record(actor, AccessAction.Update, resource, family.Id, read.Subjects);
        stream.AppendMany(events);
        await gate.SaveAsync(ct);
        return new ItemChangedResponse(itemId, version + events.Count);
    }
}
