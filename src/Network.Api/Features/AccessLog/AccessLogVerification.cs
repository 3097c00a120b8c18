using Network.Api.Infrastructure.Audit;

namespace Network.Api.Features.AccessLog;

/// <summary>
/// Recomputes every chain entry by entry, checks that each chain's head is its last entry, that
/// the anchors chain up, and that every head an anchor recorded is still there with its hash.
/// </summary>
public sealed class AccessLogVerification(AccessLogStore store, AccessLogAnchors anchors)
{
    public async Task<ChainCheck> VerifyAsync(CancellationToken ct)
    {
        var lastOf = new Dictionary<Guid, AccessLogEntry>();
        var hashes = new Dictionary<(Guid, long), string>();
        long entries = 0;
        Guid? chain = null;
        var previous = AccessLogChain.Genesis;
        var expected = 1L;
        await foreach (var e in store.EntriesAsync(null, ct))
        {
            entries++;
            if (e.Record.Chain != chain) (chain, previous, expected) = (e.Record.Chain, AccessLogChain.Genesis, 1);
            if (e.Sequence != expected || e.PreviousHash != previous || AccessLogChain.Hash(e.Sequence, e.Record, previous) != e.Hash)
                return Broken(entries, lastOf.Count, e.Record.Chain, e.Sequence, "entry");
            previous = e.Hash;
            expected++;
            lastOf[e.Record.Chain] = e;
            hashes[(e.Record.Chain, e.Sequence)] = e.Hash;
        }

        var heads = await store.HeadsAsync(ct);
        foreach (var head in heads)
            if (!lastOf.TryGetValue(head.Chain, out var last) || last.Sequence != head.Sequence || last.Hash != head.Hash)
                return Broken(entries, lastOf.Count, head.Chain, head.Sequence, "head");
        var headed = heads.Select(h => h.Chain).ToHashSet();
        foreach (var c in lastOf.Keys.Where(c => !headed.Contains(c)))
            return Broken(entries, lastOf.Count, c, null, "head");

        var all = await anchors.AllAsync(ct);
        var anchorHash = AccessLogChain.Genesis;
        foreach (var anchor in all)
        {
            if (anchor.PreviousHash != anchorHash || AccessLogChain.AnchorHash(anchor.Number, anchor.At, anchor.Heads, anchor.PreviousHash) != anchor.Hash)
                return Broken(entries, lastOf.Count, null, anchor.Number, "anchor");
            foreach (var head in anchor.Heads)
                if (!hashes.TryGetValue((head.Chain, head.Sequence), out var hash) || hash != head.Hash)
                    return Broken(entries, lastOf.Count, head.Chain, head.Sequence, "anchored-entry");
            anchorHash = anchor.Hash;
        }
        return new ChainCheck(true, entries, lastOf.Count, all.Count, null, null, null);
    }

    private static ChainCheck Broken(long entries, int chains, Guid? chain, long? sequence, string problem) =>
        new(false, entries, chains, 0, chain, sequence, problem);
}
