using Marten;
using Marten.Services.BatchQuerying;

namespace Network.Api.Infrastructure.Marten;

public static class LoadMany
{
    /// <summary>Documents by their strongly typed ids in one round trip (Marten's LoadManyAsync takes only raw ids).</summary>
    public static Task<IReadOnlyList<T>> LoadAllAsync<T>(this IQuerySession session, IEnumerable<object> ids, CancellationToken ct)
        where T : class => BatchAsync(session, ids, (batch, id) => batch.Load<T>(id), ct);

    /// <summary>Aggregates built live from their streams, in one round trip; streams that do not exist are left out.</summary>
    public static Task<IReadOnlyList<T>> LatestAsync<T>(this IQuerySession session, IEnumerable<Guid> ids, CancellationToken ct)
        where T : class => BatchAsync(session, ids, (batch, id) => batch.Events.FetchLatest<T>(id), ct);

    /// <summary>One query per id in one batch; what was not found is left out.</summary>
    private static async Task<IReadOnlyList<T>> BatchAsync<TId, T>(
        IQuerySession session, IEnumerable<TId> ids, Func<IBatchedQuery, TId, Task<T?>> query, CancellationToken ct)
        where T : class
    {
        var batch = session.CreateBatchQuery();
        var loads = ids.Select(id => query(batch, id)).ToList();
        if (loads.Count == 0) return [];
        await batch.Execute(ct);
        var found = new List<T>(loads.Count);
        foreach (var load in loads)
            if (await load is { } result) found.Add(result);
        return found;
    }
}
