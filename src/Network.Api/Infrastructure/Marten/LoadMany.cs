using Marten;

namespace Network.Api.Infrastructure.Marten;

public static class LoadMany
{
    /// <summary>Documents by their strongly typed ids in one round trip (Marten's LoadManyAsync takes only raw ids).</summary>
    public static async Task<IReadOnlyList<T>> LoadAllAsync<T>(this IQuerySession session, IEnumerable<object> ids, CancellationToken ct)
        where T : class
    {
        var batch = session.CreateBatchQuery();
        var loads = ids.Select(id => batch.Load<T>(id)).ToList();
        if (loads.Count == 0) return [];
        await batch.Execute(ct);
        var found = new List<T>(loads.Count);
        foreach (var load in loads)
            if (await load is { } document) found.Add(document);
        return found;
    }

    /// <summary>Aggregates built live from their streams, in one round trip; streams that do not exist are left out.</summary>
    public static async Task<IReadOnlyList<T>> LatestAsync<T>(this IQuerySession session, IEnumerable<Guid> ids, CancellationToken ct)
        where T : class
    {
        var batch = session.CreateBatchQuery();
        var loads = ids.Select(id => batch.Events.FetchLatest<T>(id)).ToList();
        if (loads.Count == 0) return [];
        await batch.Execute(ct);
        var found = new List<T>(loads.Count);
        foreach (var load in loads)
            if (await load is { } aggregate) found.Add(aggregate);
        return found;
    }
}
