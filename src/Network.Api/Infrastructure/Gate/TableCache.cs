using Marten;

namespace Network.Api.Infrastructure.Gate;

/// <summary>
/// The authorization table in force: the default plus every change event. Each decision reads
/// the table stream's version (in the same round trip as what it loads anyway), so a change is
/// in force for the very next request and push; the table itself is rebuilt only when it changed.
/// </summary>
public sealed class TableCache
{
    private volatile AuthorizationTable current = AuthorizationTable.Default;
    private long currentVersion;

    public async Task<AuthorizationTable> LoadAsync(IQuerySession session, long? knownVersion, CancellationToken ct)
    {
        var version = knownVersion ?? (await session.Events.FetchStreamStateAsync(TableChanges.StreamId, ct))?.Version ?? 0;
        if (version == Volatile.Read(ref currentVersion)) return current;
        var events = await session.Events.FetchStreamAsync(TableChanges.StreamId, token: ct);
        var table = events.Aggregate(AuthorizationTable.Default, (t, e) => TableChanges.Evolve(t, e.Data));
        var loaded = events.Count == 0 ? 0 : events[^1].Version;
        lock (this)
        {
            if (loaded >= currentVersion)
            {
                current = table;
                Volatile.Write(ref currentVersion, loaded);
            }
        }
        return table;
    }
}
