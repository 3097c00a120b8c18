using Marten;
using Network.Domain.Authorization;

namespace Network.Api.Features.AuthorizationTable;

/// <summary>
/// Loads the table in force: the default plus every change event, read on each decision so a
/// change takes effect for the very next request and push.
/// </summary>
public static class TableStore
{
    public static async Task<Domain.Authorization.AuthorizationTable> LoadAsync(IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(TableChanges.StreamId, token: ct);
        return events.Aggregate(Domain.Authorization.AuthorizationTable.Default, (table, e) => TableChanges.Evolve(table, e.Data));
    }
}
