using Network.Domain.Authorization;

namespace Network.Domain.Tests;

public sealed class AccessLogChainTests
{
    private static AccessRecord Record(string user) => new(
        Guid.CreateVersion7(), new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), AccessAction.Read, Guid.NewGuid(), Guid.NewGuid(),
        "board:x", Guid.NewGuid(), user, "YouthCare", "De Brug", null, AccessBasis.Consent, true);

    private static List<AccessLogEntry> Chain(int n) =>
        [.. AccessLogChain.Append(0, AccessLogChain.Genesis, Enumerable.Range(1, n).Select(i => Record($"user {i}")))];

    [Fact]
    public void an_untouched_chain_verifies() => Assert.Null(AccessLogChain.FirstBroken(Chain(5)));

    [Fact]
    public void a_changed_field_breaks_the_chain_at_that_entry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Record = chain[2].Record with { Allowed = false } };

        Assert.Equal(3, AccessLogChain.FirstBroken(chain));
    }

    [Fact]
    public void a_removed_entry_breaks_the_chain()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal(3, AccessLogChain.FirstBroken(chain));
    }

    [Fact]
    public void a_recomputed_hash_still_breaks_the_next_entry()
    {
        var chain = Chain(5);
        var forged = chain[2].Record with { UserName = "Niemand" };
        chain[2] = chain[2] with { Record = forged, Hash = AccessLogChain.Hash(3, forged, chain[2].PreviousHash) };

        Assert.Equal(4, AccessLogChain.FirstBroken(chain));
    }

    [Fact]
    public void appending_continues_from_the_last_entry()
    {
        var first = Chain(2);
        var more = AccessLogChain.Append(first[^1].Sequence, first[^1].Hash, [Record("later")]);

        Assert.Null(AccessLogChain.FirstBroken([.. first, .. more]));
        Assert.Equal(3, more[0].Sequence);
    }
}
