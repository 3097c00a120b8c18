using Marten;
using Network.Api.Features.Registry;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Http;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;

namespace Network.Api.Features.Families;

/// <summary>
/// The one way a family changes: fetch for writing (checking the expected version), decide on
/// the family with its registry records, append, save. Returns the new version.
/// </summary>
public static class FamilyWrites
{
    public static async Task<long> ExecuteAsync(
        IDocumentSession session, AccessLogger log, Actor actor, Guid familyId, long? expectedVersion,
        Func<FamilyContext, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Family>(familyId, ct);
        var family = stream.Aggregate ?? throw new ResourceNotFound("family");
        var people = await PeopleLookup.LoadAsync(session, family.Members.Select(m => m.PersonId), ct);

        // The decision (which includes authorization) comes first, so a stale If-Match on a
        // family the actor may not know answers 404, not 412.
        var context = new FamilyContext(family, people);
        IReadOnlyList<object> events;
        try
        {
            events = decide(context);
        }
        finally
        {
            await log.FamilyAsync(actor, AccessAction.Update, $"family:{familyId}", context, ct);
        }
        Versions.Check(expectedVersion, stream.CurrentVersion ?? 0);
        if (events.Count == 0) return stream.StartingVersion ?? 0;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return (stream.StartingVersion ?? 0) + events.Count;
    }
}

/// <summary>What a family write answers: the family and its new version (also sent as ETag).</summary>
public sealed record FamilyChanged(Guid FamilyId, long Version);
